import { execFileSync } from 'node:child_process';
import { closeSync, constants, openSync, writeSync } from 'node:fs';
import { mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/main/config';
import { validateCaFile } from '../../src/main/config/ca-file';
import { pipeWaitMs } from '../../src/main/files/bounded-read';
import { contract } from '../../src/shared/ipc/contract';
import { portSchema, portTextSchema } from '../../src/shared/port';
import { upnSchema } from '../../src/shared/upn';
import { serveRenderer } from '../../src/shell/serve-renderer';
import { shellOrigin } from '../../src/shell/origin';
import { launchTestBrowser } from '../support/chromium';
import { createTestCa } from '../support/test-pki';
import { securityLog } from './support/security-log';

/**
 * Inputs that disagreed between entry points, reads without a limit, error messages that
 * quoted the file they could not parse, and a renderer server that a malformed URL crashed.
 */
const log = securityLog('input-hardening', 13);
afterAll(() => log.flush());

let folder: string;
/** An empty policy, named so the machine's own /etc/m365-connect/policy.json never takes part. */
let noPolicy: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'm365-input-hardening-'));
  noPolicy = join(folder, 'empty-policy.json');
  await writeFile(noPolicy, '{}');
});

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error as { code?: string; message?: string },
  );

describe('one schema per value, whichever source supplies it', () => {
  const coerced: unknown[] = [true, [[25]], '0x24b', '587', 1.5, 0, 65536, null, { port: 25 }];
  const coercedText = ['0x24b', 'true', ' 25', '25 ', '5e2', '25.0', '+25', '', '0', '65536', '٥٨٧'];
  let cases = 0;

  it('smtpPort: policy and settings take only a JSON whole number; the environment only decimal digits', async () => {
    for (const value of coerced) {
      const file = join(folder, `port-${cases}.json`);
      await writeFile(file, JSON.stringify({ smtpPort: value }));
      for (const options of [{ policyFile: file }, { settingsFile: file, policyFile: noPolicy }]) {
        const error = await errorOf(loadConfig({ env: {}, ...options }));
        expect(error).toMatchObject({ code: 'config-invalid', message: expect.stringContaining('smtpPort') });
        cases += 1;
      }
    }
    for (const raw of coercedText) {
      const error = await errorOf(loadConfig({ env: { M365_CONNECT_SMTP_PORT: raw }, policyFile: noPolicy }));
      // An empty variable is "not set", which is fine; every other form is refused.
      if (raw.trim() === '') expect(error).toBeNull();
      else expect(error).toMatchObject({ code: 'config-invalid', message: expect.stringContaining('M365_CONNECT_SMTP_PORT') });
      expect(portTextSchema.safeParse(raw).success).toBe(false);
      cases += 1;
    }
    const ok = await loadConfig({ env: { M365_CONNECT_SMTP_PORT: '2525' }, policyFile: noPolicy });
    expect(ok.values.smtpPort).toBe(2525);
    expect(portSchema.safeParse(2525).success).toBe(true);
    log.passed({
      area: 'Input schemas',
      tried: `smtpPort from the policy and the settings file as ${coerced.map((value) => JSON.stringify(value)).join(', ')}; from the environment as ${coercedText.map((value) => JSON.stringify(value)).join(', ')}`,
      cases,
      held: 'each refused as config-invalid naming the key and source (nothing coerced: true is not 1, [[25]] not 25, 0x24b not 587); the same text schema is the one `--port` uses',
    });
  });

  it('the UPN: one schema for the CLI and every IPC request that carries one', () => {
    const hostile = ['ada@contoso.com\u0000', 'ada\u001b[2J@contoso.com', 'ada@contoso\u202ecom.exe', 'ada@contoso.com\nEvil: yes', 'ada@contoso.com\r', `${'a'.repeat(250)}@contoso.com`, 'ada\u0085@contoso.com', 'ada\u2028@contoso.com'];
    for (const upn of hostile) expect(upnSchema.safeParse(upn).success).toBe(false);
    expect(upnSchema.parse(' Ada@contoso.com ')).toBe('Ada@contoso.com');
    // IPC requests take the account from the session; a request field called upn, if one is
    // ever added again, must be this very schema.
    for (const [channel, entry] of Object.entries(contract)) {
      const shape = (entry.request as { shape?: Record<string, unknown> }).shape;
      if (shape && 'upn' in shape) expect(shape.upn, channel).toBe(upnSchema);
    }
    log.passed({
      area: 'Input schemas',
      tried: 'UPNs with NUL, ESC sequence, U+202E, LF, CR, NEL, U+2028, and 262 characters',
      cases: hostile.length,
      held: 'each refused by the one UPN schema (src/shared/upn.ts) that `--user` uses; no IPC request carries a UPN of its own',
    });
  });
});

describe('bounded reads and config errors that never quote the file', () => {
  let cases = 0;

  it('a policy or settings file that is endless (/dev/zero) or over 1 MiB fails at once, naming the file', async () => {
    const endless = join(folder, 'endless.json');
    await symlink('/dev/zero', endless);
    const large = join(folder, 'large.json');
    await writeFile(large, `{"tenant": "${'x'.repeat(1024 * 1024)}"}`);
    for (const file of [endless, large]) {
      for (const options of [{ policyFile: file }, { settingsFile: file, policyFile: noPolicy }]) {
        const error = await errorOf(loadConfig({ env: {}, ...options }));
        expect(error).toMatchObject({ code: 'config-invalid', message: expect.stringContaining(file) });
        expect(error?.message).toMatch(/larger than 1 MiB/);
        cases += 1;
      }
    }
  });

  it('a FIFO as the policy or settings file never hangs: no writer fails at once, a late writer is read, a silent one is refused', async () => {
    const fifo = join(folder, 'fifo.json');
    execFileSync('mkfifo', [fifo]);
    for (const options of [{ policyFile: fifo }, { settingsFile: fifo, policyFile: noPolicy }]) {
      const error = await errorOf(loadConfig({ env: {}, ...options }));
      expect(error).toMatchObject({ code: 'config-invalid', message: expect.stringContaining(fifo) });
      expect(error?.message).toMatch(/not valid JSON/);
      cases += 1;
    }
    // A writer that answers late, as `--ca <(command)` or a settings pipe would: it is waited for.
    const writer = openSync(fifo, constants.O_RDWR);
    setTimeout(() => writeSync(writer, '{"tenant": "contoso.com"}'), 100);
    setTimeout(() => closeSync(writer), 150);
    const config = await loadConfig({ env: {}, policyFile: noPolicy, settingsFile: fifo });
    expect(config.values.tenant).toBe('contoso.com');
    // A writer that never writes: refused once the wait is over, not an endless read.
    const silent = openSync(fifo, constants.O_RDWR);
    try {
      const error = await errorOf(loadConfig({ env: {}, policyFile: fifo }));
      expect(error).toMatchObject({ code: 'config-invalid', message: expect.stringContaining(fifo) });
      expect(error?.message).toMatch(new RegExp(`a pipe that gave nothing to read within ${pipeWaitMs / 1000} s`));
      cases += 1;
    } finally {
      closeSync(silent);
    }
  }, pipeWaitMs + 5_000);

  it('a settings file symlinked to /etc/passwd names the file and the problem, never its contents', async () => {
    const settingsFile = join(folder, 'passwd-settings.json');
    await symlink('/etc/passwd', settingsFile);
    const notJson = join(folder, 'not-json.json');
    await writeFile(notJson, 'hunter2-secret-value: {');
    for (const file of [settingsFile, notJson]) {
      const error = await errorOf(loadConfig({ env: {}, settingsFile: file, policyFile: noPolicy }));
      expect(error).toMatchObject({ code: 'config-invalid', message: expect.stringContaining(file) });
      expect(JSON.stringify(error)).not.toMatch(/root:x:0:0|root|hunter2|secret-value/);
      expect(error?.message).toMatch(/not valid JSON/);
      cases += 1;
    }
    log.passed({
      area: 'Bounded reads',
      tried: 'policy and settings file: /dev/zero, 1 MiB of JSON, a FIFO without a writer, with a late writer and with a silent one; settings symlinked to /etc/passwd; a non-JSON settings file holding a secret-looking value',
      cases,
      held: 'each a config-invalid error naming the file and the problem (larger than 1 MiB, not valid JSON, a pipe that gave nothing within 3 s), without reading on and without quoting a byte of the file; a pipe whose writer answers late is read',
    });
  });

  it('the extra CA file: one check for extraCaFile and --ca refuses the endless, the missing, keys and non-certificates', async () => {
    const ca = await createTestCa();
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const files = {
      good: ca.cert,
      'private key only': privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      'certificate and its private key': `${ca.cert}\n${ca.key}`,
      'public key PEM': publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      'broken certificate': '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n',
      'not PEM': 'hello',
    };
    const expected: Record<keyof typeof files, RegExp | null> = {
      good: null,
      'private key only': /private key/,
      'certificate and its private key': /private key/,
      'public key PEM': /other than certificates|no PEM certificate/,
      'broken certificate': /cannot be parsed/,
      'not PEM': /no PEM certificate/,
    };
    let tried = 0;
    for (const [name, text] of Object.entries(files) as [keyof typeof files, string][]) {
      const path = join(folder, `${name.replaceAll(' ', '-')}.pem`);
      await writeFile(path, text);
      const checked = await validateCaFile(path);
      const problem = expected[name];
      if (problem === null) expect(checked).toEqual({ ok: true, absolute: path });
      else {
        expect(checked).toMatchObject({ ok: false, problem: expect.stringMatching(problem) });
        // The configuration loader uses the same check for extraCaFile from any source.
        const error = await errorOf(loadConfig({ env: { M365_CONNECT_EXTRA_CA_FILE: path }, policyFile: noPolicy }));
        expect(error).toMatchObject({ code: 'config-invalid', message: expect.stringMatching(problem) });
        expect(JSON.stringify(error)).not.toContain('MII');
      }
      tried += 1;
    }
    expect(await validateCaFile('/dev/zero')).toMatchObject({ ok: false, problem: expect.stringMatching(/larger than 1 MiB/) });
    expect(await validateCaFile(join(folder, 'missing.pem'))).toMatchObject({ ok: false, problem: expect.stringMatching(/does not exist/) });
    expect(await validateCaFile(folder)).toMatchObject({ ok: false, problem: expect.stringMatching(/is a folder, not a file/) });
    tried += 3;
    log.passed({
      area: 'Bounded reads',
      tried: 'extra CA file (the one check behind extraCaFile and smtp-test --ca): /dev/zero, missing, a folder, a private key, a certificate with its key, a public-key PEM, a broken certificate, not PEM, a good CA',
      cases: tried,
      held: 'only the good CA accepted; each other refused with its reason and without quoting the file; /dev/zero stops at 1 MiB',
    });
  });
});

describe('the Chromium shell renderer server', () => {
  let browser: Browser | null = null;
  afterAll(async () => {
    await browser?.close();
  });

  it('answers a malformed path (/%E0%A4%A) with 400 and keeps serving', async () => {
    const rendererDir = await mkdtemp(join(tmpdir(), 'm365-renderer-'));
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>ok</title>');
    browser = await launchTestBrowser();
    const context = await browser.newContext();
    await serveRenderer(context, rendererDir);
    const page = await context.newPage();
    const paths = ['/%E0%A4%A', '/%', '/%ZZ', '/assets/%C0%AF..%C0%AF'];
    for (const path of paths) {
      const response = await page.goto(`${shellOrigin}${path}`);
      expect(response?.status(), path).toBe(400);
    }
    const ok = await page.goto(`${shellOrigin}/`);
    expect(ok?.status()).toBe(200);
    log.passed({
      area: 'Shell',
      tried: `renderer server in the system Chromium: malformed percent-escapes ${paths.join(', ')}, then the app page`,
      cases: paths.length + 1,
      held: 'each malformed path answered 400 (no unhandled exception, the process lives on); the app page still served',
    });
  });
});
