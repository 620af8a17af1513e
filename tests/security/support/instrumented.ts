import { createHandlers } from '../../../src/main/handlers';
import type { HandlerTable } from '../../../src/main/ipc/handler-types';
import { createDispatch } from '../../../src/main/ipc/dispatch';
import type { Platform } from '../../../src/main/platform-port';
import type { EffectiveSettings, Services } from '../../../src/main/services';
import { invokeChannels, type InvokeChannel } from '../../../src/shared/ipc/channels';
import { contract } from '../../../src/shared/ipc/contract';
import { fakePlatform } from '../../support/fake-platform';
import { fakeServices, testSettings } from '../../support/fake-services';

export const trustedOrigin = 'app://renderer';
export const trustedSender = { url: `${trustedOrigin}/index.html`, isMainFrame: true };

/** Wraps every function-valued property so each call is recorded as `prefix.name`. */
function recordCalls<T extends object>(target: T, prefix: string, calls: string[]): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      const value: unknown = Reflect.get(object, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(`${prefix}.${String(key)}`);
        return Reflect.apply(value, object, args);
      };
    },
  });
}

/**
 * The real handler table and dispatcher over services, platform and handlers that record
 * everything that reaches them. `violations` collects any handler call whose request does not
 * satisfy the contract: the fuzz asserts it stays empty.
 */
export function instrumentedDispatch(settings: Partial<EffectiveSettings> = {}) {
  const reached: string[] = [];
  const violations: string[] = [];
  const emitted: string[] = [];
  const internalErrors: string[] = [];
  const base = fakeServices({ settings: { ...testSettings, ...settings } });
  const services: Services = {
    ...base,
    auth: recordCalls(base.auth, 'auth', reached),
    readiness: recordCalls(base.readiness, 'readiness', reached),
    vault: recordCalls(base.vault, 'vault', reached),
    smtp: recordCalls(base.smtp, 'smtp', reached),
    documents: recordCalls(base.documents, 'documents', reached),
  };
  const platform = fakePlatform();
  const recordedPlatform: Platform = recordCalls(platform, 'platform', reached);
  const real = createHandlers(services, recordedPlatform);
  const handlers = {} as Record<InvokeChannel, (request: unknown, context: Parameters<HandlerTable[InvokeChannel]>[1]) => Promise<unknown>>;
  for (const channel of invokeChannels) {
    const handler = real[channel] as (request: unknown, context: Parameters<HandlerTable[InvokeChannel]>[1]) => Promise<unknown>;
    handlers[channel] = (request, context) => {
      reached.push(`handler:${channel}`);
      if (!contract[channel].request.safeParse(request).success) violations.push(channel);
      return handler(request, context);
    };
  }
  const dispatch = createDispatch(handlers as unknown as HandlerTable, {
    trustedOrigin,
    onInternalError: (channel) => internalErrors.push(channel),
  });
  const context = { emit: (event: string) => void emitted.push(event) };
  return {
    dispatch: (channel: unknown, payload: unknown, sender = trustedSender) => dispatch(channel, payload, sender, context),
    reached,
    violations,
    emitted,
    internalErrors,
    opened: platform.opened,
    reset() {
      reached.length = 0;
      emitted.length = 0;
      internalErrors.length = 0;
      platform.opened.length = 0;
    },
  };
}
