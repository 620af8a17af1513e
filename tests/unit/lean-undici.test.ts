import * as undici from 'undici';
import { describe, expect, it } from 'vitest';
import requestApi from 'undici/lib/api/api-request.js';
import { Agent, fetch } from '../../src/main/net/lean-undici';

describe('lean undici', () => {
  it('loads the same Agent class the package exports', () => {
    expect(Agent).toBe(undici.Agent);
  });

  it('loads the fetch implementation the package wraps', async () => {
    expect(typeof fetch).toBe('function');
    // Both report a bad URL the same way: the package's fetch is a thin wrapper of this one.
    const lean = await fetch('not a url').catch((error: unknown) => error);
    const full = await undici.fetch('not a url').catch((error: unknown) => error);
    expect(lean).toBeInstanceOf(TypeError);
    expect((lean as Error).message).toBe((full as Error).message);
  });

  it('loads the request() the package puts on every dispatcher', () => {
    expect(requestApi).toBe(undici.Dispatcher.prototype.request);
  });
});
