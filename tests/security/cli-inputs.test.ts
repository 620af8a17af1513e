import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtpServer } from '../support/smtp-test-server';
import { createTestCa, type TestCa } from '../support/test-pki';
import { cliPath, ensureBuiltCli, isolatedHome, repoRoot, runCli } from '../cli/support/cli-process';
import { hostileText, startScriptedSmtp, unsafeForDisplay } from './support/scripted-smtp';
import { securityLog } from './support/security-log';

/**
 * The built CLI given what an outside probe gave it: endless and invalid stdin, a CA that is
 * /dev/zero or a private key, ports and UPNs in forms other entry points refuse, a hostile or
 * PLAIN-only SMTP server, a settings file that is really /etc/passwd. Each must end quickly with
 * a clear message and the documented exit code (2 usage, 4 TLS, 7 configuration).
 */
const log = securityLog('cli-inputs', 14);
afterAll(() => log.flush());

let env: NodeJS.ProcessEnv;
let folder: string;
let ca: TestCa;
let caFile: string;
const closers: (() => Promise<void>)[] = [];
beforeAll(async () => {
  ensureBuiltCli();
  folder = await mkdtemp(join(tmpdir(), 'm365-cli-inputs-'));
  const policy = join(folder, 'policy.json');
  await writeFile(policy, '{}');
  env = { ...(await isolatedHome()), M365_CONNECT_POLICY: policy };
  ca = await createTestCa();
  caFile = join(folder, 'ca.pem');
  await writeFile(caFile, ca.cert);
});
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});

const upn = 'ada.lovelace@contoso.com';
const run = (args: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv } = {}) =>
  runCli(args, { env: { ...env, ...options.env }, ...(options.stdin !== undefined ? { stdin: options.stdin } : {}) });

/** Runs the CLI with stdin fed from a stream (with back-pressure); reports how many bytes were produced for it. */
function runWithStream(args: string[], source: Readable & { produced?: () => number }): Promise<{ code: number | null; stderr: string; written: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdin.on('error', () => undefined); // EPIPE once the CLI stops reading: expected
    source.pipe(child.stdin);
    child.on('error', reject);
    child.on('close', (code) => {
      source.unpipe(child.stdin);
      source.destroy();
      resolve({ code, stderr, written: source.produced?.() ?? 0 });
    });
  });
}

/** `size` bytes of "y\n", made lazily, 64 KiB at a time, only as fast as the reader takes them. */
function endless(size: number): Readable & { produced: () => number } {
  const chunk = Buffer.from('y\n'.repeat(32 * 1024));
  let sent = 0;
  const stream = new Readable({
    read() {
      if (sent >= size) return this.push(null);
      sent += chunk.length;
      this.push(chunk);
    },
  });
  return Object.assign(stream, { produced: () => sent });
}

describe('stdin is read up to a limit, as UTF-8 only', () => {
  it('`yes | store --password-stdin` and 300 MB on stdin stop at the limit with a usage error', async () => {
    const yes = await runWithStream(['store', '--user', upn, '--password-stdin'], endless(Number.MAX_SAFE_INTEGER));
    expect(yes.code).toBe(2);
    expect(yes.stderr).toMatch(/Standard input holds more than 4 KiB/);
    const big = 300 * 1024 * 1024;
    const huge = await runWithStream(['smtp-test', '--user', upn, '--password-stdin', '--host', '127.0.0.1', '--port', '9'], endless(big));
    expect(huge.code).toBe(2);
    expect(huge.stderr).toMatch(/more than 4 KiB/);
    // The CLI stopped reading long before the end (pipe buffers hold at most a few MiB).
    expect(huge.written).toBeLessThan(big / 10);
    log.passed({
      area: 'CLI inputs',
      tried: '`yes` piped into store --password-stdin (endless); 300 MB piped into smtp-test --password-stdin',
      cases: 2,
      held: 'both stop at the 4 KiB stdin limit: exit 2 with "Standard input holds more than 4 KiB", the rest never read',
    });
  });

  it('a password that is not valid UTF-8 is refused, not stored with U+FFFD', async () => {
    const invalid = Buffer.concat([Buffer.from('qwertzuiopasdf'), Buffer.from([0xc3, 0x28])]);
    const result = await runWithStream(['store', '--user', upn, '--password-stdin'], Readable.from([invalid]));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not valid UTF-8/);
    log.passed({ area: 'CLI inputs', tried: 'store --password-stdin with an invalid UTF-8 sequence', cases: 1, held: 'exit 2 "not valid UTF-8"; nothing stored' });
  });
});

describe('--ca is checked like extraCaFile, before any secret is read', () => {
  it('/dev/zero, a missing file, a private key and a public key are configuration errors (exit 7), not "Unexpected failure"', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const keyFile = join(folder, 'key.pem');
    await writeFile(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    const publicFile = join(folder, 'public.pem');
    await writeFile(publicFile, publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const cases: [string, RegExp][] = [
      ['/dev/zero', /larger than 1 MiB/],
      [join(folder, 'missing.pem'), /does not exist/],
      [keyFile, /private key/],
      [publicFile, /other than certificates|no PEM certificate/],
    ];
    for (const [file, problem] of cases) {
      const result = await run(['smtp-test', '--user', upn, '--password-stdin', '--host', '127.0.0.1', '--port', '9', '--ca', file], { stdin: 'qwertzuiopasdfgh' });
      expect(result.code, result.stderr).toBe(7);
      expect(result.stderr).toMatch(/from the --ca option is invalid/);
      expect(result.stderr).toMatch(problem);
      expect(result.stderr).not.toMatch(/Unexpected failure|BEGIN/);
    }
    log.passed({
      area: 'CLI inputs',
      tried: 'smtp-test --ca with /dev/zero, a missing file, a private key, a public-key PEM',
      cases: cases.length,
      held: 'each exit 7 "extraCaFile from the --ca option is invalid: <reason>", the same check as the setting; never "Unexpected failure", never hangs, never quotes the file',
    });
  });
});

describe('one schema per value: --port, --user and the environment agree with the files', () => {
  it('ports in coerced forms and hostile UPNs are usage errors; a coerced port in the environment is a config error', async () => {
    let cases = 0;
    for (const port of ['true', '0x24b', '[[25]]', '0', '65536', '5e2', ' 25']) {
      const result = await run(['smtp-test', '--user', upn, '--password-stdin', '--host', '127.0.0.1', '--port', port], { stdin: 'qwertzuiopasdfgh' });
      expect(result.code, port).toBe(2);
      expect(result.stderr).toMatch(/--port must be (a port number|between 1 and 65535)/);
      cases += 1;
    }
    for (const value of ['0x24b', 'true', '5e2']) {
      const result = await run(['config', 'show'], { env: { M365_CONNECT_SMTP_PORT: value } });
      expect(result.code, value).toBe(7);
      expect(result.stderr).toMatch(/M365_CONNECT_SMTP_PORT/);
      cases += 1;
    }
    const hostile = ['ada\u001b[2J@contoso.com', 'ada@contoso\u202ecom.exe', 'ada@contoso.com\nInjected: line', `${'a'.repeat(300)}@contoso.com`];
    for (const user of hostile) {
      for (const command of [['smtp-test', '--password-stdin'], ['store', '--password-stdin'], ['forget']]) {
        const result = await run([command[0]!, '--user', user, ...command.slice(1)], { stdin: 'qwertzuiopasdfgh' });
        expect(result.code, `${command[0]} ${JSON.stringify(user)}`).toBe(2);
        expect(result.stderr).toMatch(/--user must/);
        expect(result.stderr).not.toMatch(unsafeForDisplay);
        cases += 1;
      }
    }
    log.passed({
      area: 'CLI inputs',
      tried: '--port as true, 0x24b, [[25]], 0, 65536, 5e2, " 25"; M365_CONNECT_SMTP_PORT as 0x24b, true, 5e2; --user with ESC, U+202E, a newline, 300 characters on smtp-test, store and forget',
      cases,
      held: '--port and --user: exit 2 from the same schemas the config files and IPC use; the environment: exit 7 naming the variable',
    });
  });
});

describe('smtp-test against other servers', () => {
  it('a PLAIN-only server signs in with PLAIN; its password keeps dashes and spaces; a 1-character one is refused', async () => {
    const server = await startTestSmtpServer({ certificate: await ca.issue(), authMethods: ['PLAIN'] });
    closers.push(() => server.close());
    const password = 'Pa55-w rd';
    const args = ['smtp-test', '--user', upn, '--password-stdin', '--host', '127.0.0.1', '--port', String(server.port), '--ca', caFile];
    const ok = await run(args, { stdin: `${password}\n` });
    expect(ok.code, ok.stderr).toBe(0);
    expect(server.auths.map((auth) => [auth.method, auth.password])).toEqual([['PLAIN', password]]);
    expect(ok.stdout + ok.stderr).not.toContain(password);
    const short = await run(args, { stdin: 'a' });
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/at least 8/);
    expect(server.auths).toHaveLength(1);
    log.passed({
      area: 'CLI inputs',
      tried: 'smtp-test --host/--port/--ca against a PLAIN-only smtp-server with an 8-character password holding a dash and a space, then a 1-character password',
      cases: 2,
      held: 'AUTH PLAIN with the password exactly as typed, exit 0, the password in no output; the 1-character one refused (exit 2) before connecting',
    });
  });

  it('a hostile server cannot put escapes on the terminal; a dropped TLS handshake is exit 4', async () => {
    const hostile = await startScriptedSmtp({
      greeting: `220 mail.example.org ${hostileText}`,
      reply: (line) => (/^EHLO/i.test(line) ? `250-mail.example.org ${hostileText}\r\n250 STARTTLS` : /^STARTTLS/i.test(line) ? `454 4.7.0 ${hostileText}` : '221 bye'),
    });
    const dropper = await startScriptedSmtp({
      greeting: '220 mail.example.org ESMTP',
      reply: (line) => (/^EHLO/i.test(line) ? '250-mail.example.org\r\n250 STARTTLS' : /^STARTTLS/i.test(line) ? '220 2.0.0 Ready to start TLS' : '221 bye'),
      dropHandshake: true,
    });
    closers.push(() => hostile.close(), () => dropper.close());
    const base = ['smtp-test', '--user', upn, '--password-stdin', '--host', '127.0.0.1', '--ca', caFile];
    const shown = await run([...base, '--port', String(hostile.port)], { stdin: 'qwertzuiopasdfgh' });
    expect(shown.code).toBe(4);
    expect(shown.stdout).toContain('gnp.exe'); // the transcript is printed, made safe
    expect(shown.stdout + shown.stderr).not.toMatch(unsafeForDisplay);
    const dropped = await run([...base, '--port', String(dropper.port), '--json'], { stdin: 'qwertzuiopasdfgh' });
    expect(dropped.code).toBe(4);
    expect(JSON.parse(dropped.stdout)).toMatchObject({ cause: 'starttls-unavailable', stage: 'tls' });
    log.passed({
      area: 'CLI inputs',
      tried: 'smtp-test human output against a server whose greeting, EHLO and STARTTLS reply hold OSC/CSI escapes, 8-bit CSI and U+202E; a server that drops the TLS handshake after 220',
      cases: 2,
      held: 'no control, escape or bidi character on stdout or stderr (exit 4); the dropped handshake is starttls-unavailable, exit 4, not connection-lost',
    });
  });
});

describe('config errors never quote the file', () => {
  it('a settings file that is a symlink to /etc/passwd: exit 7 naming the file, no line of it printed', async () => {
    const home = await isolatedHome();
    const dataDir = join(home.XDG_CONFIG_HOME!, 'm365-connect');
    await mkdir(dataDir, { recursive: true });
    await symlink('/etc/passwd', join(dataDir, 'settings.json'));
    const result = await run(['config', 'show'], { env: home });
    expect(result.code).toBe(7);
    expect(result.stderr).toContain(join(dataDir, 'settings.json'));
    expect(result.stderr).toMatch(/not valid JSON/);
    expect(result.stdout + result.stderr).not.toMatch(/root:x:0:0|root:/);
    log.passed({ area: 'CLI inputs', tried: 'config show with the settings file a symlink to /etc/passwd', cases: 1, held: 'exit 7 naming the file and "not valid JSON"; no byte of /etc/passwd printed' });
  });
});
