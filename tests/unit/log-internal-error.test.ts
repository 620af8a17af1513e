import { afterEach, describe, expect, it, vi } from 'vitest';
import { logInternalError } from '../../src/main/ipc/log-internal-error';

describe('logInternalError', () => {
  afterEach(() => vi.restoreAllMocks());

  it('names the channel and the error class, never the message or stack', () => {
    const lines: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
    const error = new TypeError('token eyJhbGciOiJSUzI1NiJ9.secret leaked into a message');
    logInternalError('smtp:test', error);
    expect(lines).toEqual(['m365-connect: smtp:test failed (TypeError)']);
    expect(lines.join('\n')).not.toContain('eyJ');
  });
});
