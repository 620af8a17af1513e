import * as undici from 'undici';
import requestApi from 'undici/lib/api/api-request.js';
import { describe, expect, it } from 'vitest';
import { Agent, dispatcherRequest } from '../../src/main/net/lean-undici';

describe('lean undici', () => {
  it('loads the same Agent class the package exports', () => {
    expect(Agent).toBe(undici.Agent);
  });

  it('loads the request() the package puts on every dispatcher', () => {
    expect(requestApi).toBe(undici.Dispatcher.prototype.request);
  });

  it('dispatches through the given dispatcher', async () => {
    const seen: string[] = [];
    const dispatcher = new Agent().compose((dispatch) => (options, handler) => {
      seen.push(`${options.method} ${options.origin?.toString() ?? ''}${options.path}`);
      return dispatch(options, handler);
    });
    const failure = await dispatcherRequest(dispatcher, { origin: 'http://127.0.0.1:1', path: '/x', method: 'GET' }).catch((error: unknown) => error);
    expect(seen).toEqual(['GET http://127.0.0.1:1/x']);
    expect(failure).toBeInstanceOf(Error);
    await dispatcher.close();
  });
});
