import fc from 'fast-check';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { invokeChannels, type InvokeChannel } from '../../src/shared/ipc/channels';
import { appErrorSchema } from '../../src/shared/ipc/app-error-schema';
import { instrumentedDispatch } from './support/instrumented';
import { anyValue, invalidRequest, untrustedSender, validRequest } from './support/payloads';
import { securityLog } from './support/security-log';

const log = securityLog('ipc-fuzz', 4);
afterAll(() => log.flush());

const runsPerChannel = 300;
const resultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }).strict(),
  z.object({ ok: z.literal(false), error: z.strictObject(appErrorSchema.shape) }).strict(),
]);

// Unhandled rejections anywhere during the fuzz fail it (vitest also reports them).
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
beforeEach(() => {
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});
afterEach(async () => {
  await new Promise((resolve) => setTimeout(resolve, 0));
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled).toEqual([]);
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('IPC fuzz: every channel, hostile payloads from the app window', () => {
  const kinds = new Map<string, number>();
  let total = 0;

  it.each(invokeChannels.map((channel) => [channel]))('%s: every invalid payload gets a typed error and reaches nothing', async (channel) => {
    const ipc = instrumentedDispatch();
    await fc.assert(
      fc.asyncProperty(invalidRequest(channel), async ({ kind, payload }) => {
        ipc.reset();
        const result = await ipc.dispatch(channel, payload);
        expect(resultSchema.parse(result)).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
        if (result.ok) return;
        expect(result.error.issues?.length ?? 0).toBeLessThanOrEqual(10);
        // The error never echoes an oversized payload back.
        expect(JSON.stringify(result).length).toBeLessThan(4_000);
        expect(ipc.reached).toEqual([]);
        expect(ipc.emitted).toEqual([]);
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        total += 1;
      }),
      { numRuns: runsPerChannel },
    );
    expect(ipc.violations).toEqual([]);
    expect(ipc.internalErrors).toEqual([]);
  });

  it('covered every kind of attack on every channel', () => {
    expect(total).toBe(invokeChannels.length * runsPerChannel);
    for (const kind of ['not an object', 'extra key', 'prototype pollution', 'wrong type or oversized', 'deep nesting', 'missing field']) {
      expect(kinds.get(kind) ?? 0).toBeGreaterThan(0);
    }
    log.passed({
      area: 'IPC',
      tried: `malformed, oversized and hostile payloads on all ${invokeChannels.length} channels (fast-check): ${[...kinds.keys()].sort().join(', ')}`,
      cases: total,
      held: 'each answered invalid-payload with a bounded typed error; no handler, service or platform call; no unhandled rejection; Object.prototype unpolluted',
    });
  });
});

describe('IPC fuzz: the gate as a whole', () => {
  it('never throws and answers anything with a typed result; handlers see only contract-valid requests', async () => {
    const ipc = instrumentedDispatch();
    const channel = fc.oneof(
      fc.constantFrom<unknown>(...invokeChannels),
      fc.constantFrom<unknown>('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'fs:read', 'APP:INFO', ' app:info', 'app:info\0'),
      anyValue,
    );
    const payload = fc.oneof(anyValue, ...invokeChannels.map((name) => validRequest(name)));
    const runs = 3_000;
    let reachedHandlers = 0;
    await fc.assert(
      fc.asyncProperty(channel, payload, fc.oneof(fc.constant({ url: 'app://renderer/index.html', isMainFrame: true }), untrustedSender), async (name, request, sender) => {
        ipc.reset();
        const result = resultSchema.parse(await ipc.dispatch(name, request, sender));
        const known = typeof name === 'string' && (invokeChannels as readonly string[]).includes(name);
        if (!known) expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
        if (ipc.reached.length > 0) reachedHandlers += 1;
      }),
      { numRuns: runs },
    );
    expect(ipc.violations).toEqual([]);
    log.passed({
      area: 'IPC',
      tried: 'random channel names (incl. __proto__, case and NUL variants) x random payloads x trusted and untrusted senders',
      cases: runs,
      held: `every call resolved to a typed result, unknown channels refused; ${reachedHandlers > 0 ? 'handlers reached only with contract-valid requests' : 'no handler reached'}`,
    });
  });
});

describe('IPC fuzz: valid payloads from untrusted senders', () => {
  it.each(invokeChannels.map((channel) => [channel]))('%s: refused before validation or any handler', async (channel: InvokeChannel) => {
    const ipc = instrumentedDispatch();
    await fc.assert(
      fc.asyncProperty(validRequest(channel), untrustedSender, async (request, sender) => {
        ipc.reset();
        expect(await ipc.dispatch(channel, request, sender)).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
        expect(ipc.reached).toEqual([]);
      }),
      { numRuns: 100 },
    );
    // Control: the same kind of payload from the app window does reach the handler.
    const sample = fc.sample(validRequest(channel), { numRuns: 1, seed: 1 })[0];
    ipc.reset();
    await ipc.dispatch(channel, sample);
    expect(ipc.reached[0]).toBe(`handler:${channel}`);
  });

  it('records the untrusted-sender row', () => {
    log.passed({
      area: 'IPC',
      tried: `contract-valid payloads on all ${invokeChannels.length} channels from subframes, other origins, lookalike app:// hosts, file:, data:, devtools:, about:`,
      cases: invokeChannels.length * 100,
      held: 'each refused as untrusted-sender; no handler reached (the same payload from the app window does reach it)',
    });
  });
});
