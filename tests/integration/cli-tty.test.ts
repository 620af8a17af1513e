import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliPath, ensureBuiltCli, isolatedHome, keyringAvailable, repoRoot } from '../cli/support/cli-process';

/**
 * The CLI on a real terminal: `script` gives it a pseudo-terminal, so stdin and stdout are
 * TTYs as for a person. Input is typed only after the prompt appears, as a person would.
 */
type Step = { waitFor: RegExp; type: string };

function onTerminal(args: string[], env: NodeJS.ProcessEnv, steps: Step[] = []): Promise<{ code: number | null; screen: string; afterInput: string }> {
  const command = [process.execPath, cliPath, ...args].map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: repoRoot, env: { ...process.env, ...env, TERM: 'xterm' } });
    let screen = '';
    let afterInput = '';
    let typed = false;
    const pending = [...steps];
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      screen += chunk;
      if (typed) afterInput += chunk;
      const next = pending[0];
      if (next && next.waitFor.test(screen)) {
        pending.shift();
        typed = true;
        afterInput = '';
        child.stdin.write(next.type);
      }
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`timed out; screen so far:\n${screen}`));
    }, 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, screen, afterInput });
    });
  });
}

beforeAll(() => ensureBuiltCli());

describe('on a terminal', () => {
  it('colours the output, and NO_COLOR turns them off', async () => {
    const home = await isolatedHome();
    const coloured = await onTerminal(['config', 'show'], { ...home, NO_COLOR: '' });
    expect(coloured.code).toBe(0);
    expect(coloured.screen).toContain('\u001b[1m');
    const plain = await onTerminal(['config', 'show'], { ...home, NO_COLOR: '1' });
    expect(plain.code).toBe(0);
    expect(plain.screen).not.toContain('\u001b[');
  });

  it.skipIf(!keyringAvailable())('store prompts for the password without echoing it, and asks before replacing', async () => {
    const env = { ...(await isolatedHome()), NO_COLOR: '1', M365_CONNECT_KEYCHAIN_SERVICE: `m365-connect-tty-${randomBytes(4).toString('hex')}` };
    const secret = 'qwertyuiopasdfgh';
    const first = await onTerminal(['store', '--user', 'tty@contoso.example'], env, [{ waitFor: /App password for tty@contoso\.example: /, type: `${secret}\r` }]);
    expect(first.code, first.screen).toBe(0);
    expect(first.screen).toMatch(/Stored the app password for tty@contoso\.example/);
    expect(first.screen).not.toContain(secret);

    const declined = await onTerminal(['store', '--user', 'tty@contoso.example'], env, [
      { waitFor: /App password for/, type: 'asdfghjklzxcvbnm\r' },
      { waitFor: /Replace it\? \[y\/N\] /, type: 'n\r' },
    ]);
    expect(declined.code).toBe(0);
    expect(declined.screen).toMatch(/Kept the stored app password/);

    const replaced = await onTerminal(['store', '--user', 'tty@contoso.example'], env, [
      { waitFor: /App password for/, type: 'asdfghjklzxcvbnm\r' },
      { waitFor: /Replace it\? \[y\/N\] /, type: 'y\r' },
    ]);
    expect(replaced.code, replaced.screen).toBe(0);
    expect(replaced.screen).toMatch(/Replaced the app password/);
    expect(replaced.screen).not.toContain('asdfghjklzxcvbnm');
  }, 60_000);
});
