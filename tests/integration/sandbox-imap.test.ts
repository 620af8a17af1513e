import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnvFor } from '../../sandbox/app-env';
import { exchangeImap, loadScenario, startSandbox, type Sandbox } from '../../sandbox/index';
import { findDovecot } from '../../sandbox/imap/dovecot';
import { encodeModifiedUtf7 } from '../../sandbox/imap/maildir';
import { TestImapClient, xoauth2 } from '../support/imap-client';
import { sandboxAccessToken } from '../support/sandbox-token';

const run = promisify(execFile);
const imapScope = 'https://outlook.office.com/IMAP.AccessAsUser.All offline_access';
const haveDovecot = findDovecot() !== null;

/** ready-user plus a second mailbox, so one user's token can be tried on the other's. */
function twoUserScenario(): Record<string, unknown> {
  const base = JSON.parse(JSON.stringify(loadScenario('ready-user'))) as { users: Array<Record<string, unknown>> };
  base.users.push({ upn: 'megan.bowen@contoso.onmicrosoft.com', password: 'Sandbox-Megan-1!', displayName: 'Megan Bowen', perUserMfa: 'disabled', methods: ['password'] });
  return { ...base, name: 'imap-two-users' };
}

async function token(sb: Sandbox, upn: string, scope = imapScope): Promise<string> {
  const answer = await sandboxAccessToken(sb, upn, scope);
  if (!answer.ok) throw new Error(`no token: ${answer.error}`);
  return answer.accessToken;
}

/** One AUTHENTICATE XOAUTH2 (SASL-IR) on a fresh connection; its tagged reply. */
async function authenticate(sb: Sandbox, user: string, accessToken: string): Promise<string> {
  const client = await TestImapClient.connect(sb.imap!.host, sb.imap!.port, sb.caPem);
  try {
    return (await client.command(`AUTHENTICATE XOAUTH2 ${xoauth2(user, accessToken)}`)).done;
  } finally {
    client.close();
  }
}

/** curl as a real IMAP client: XOAUTH2 over implicit TLS, trusting only the sandbox CA. */
async function curl(sb: Sandbox, path: string, user: string, accessToken: string): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  const args = ['--silent', '--show-error', '--verbose', '--cacert', sb.caPemPath, '--login-options', 'AUTH=XOAUTH2', '--user', user, '--oauth2-bearer', accessToken, `imaps://${sb.imap!.host}:${sb.imap!.port}/${path}`];
  try {
    const { stdout, stderr } = await run('curl', args, { encoding: 'utf8', maxBuffer: 8 * 1024 * 1024 });
    return { ok: true, stdout, stderr };
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string };
    return { ok: false, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' };
  }
}

const quoteMailbox = (name: string): string => `"${encodeModifiedUtf7(name).replace(/(["\\])/g, '\\$1')}"`;

describe.skipIf(!haveDovecot)("Exchange Online's IMAP stand-in (Dovecot)", () => {
  let sb: Sandbox;
  let adele: string;
  const megan = 'megan.bowen@contoso.onmicrosoft.com';
  beforeAll(async () => {
    sb = await startSandbox({ scenario: twoUserScenario() });
    adele = sb.scenario.users[0]!.upn;
  });
  afterAll(async () => {
    await sb?.stop();
  });

  it('runs on 127.0.0.1 with TLS the sandbox CA vouches for, greeting as Exchange does, and the app env names it', () => {
    expect(sb.imap).toEqual({ host: '127.0.0.1', port: expect.any(Number) as number });
    expect(sb.imapNote).toBeNull();
    const env = appEnvFor(sb);
    expect(env['M365_CONNECT_IMAP_HOST']).toBe('127.0.0.1');
    expect(env['M365_CONNECT_IMAP_PORT']).toBe(String(sb.imap!.port));
  });

  it('curl logs in with XOAUTH2 and an IMAP token, and lists every seeded folder', async () => {
    const result = await curl(sb, '', adele, await token(sb, adele));
    expect(result.ok, result.stderr).toBe(true);
    expect(result.stderr).toContain('SSL certificate verify ok');
    expect(result.stderr).toMatch(/< \* OK .*The Microsoft Exchange IMAP4 service is ready\./);
    const listed = result.stdout.split('\r\n').filter(Boolean);
    for (const folder of sb.mailboxSeed(adele)) {
      const encoded = encodeModifiedUtf7(folder.name);
      expect(listed.some((line) => line.endsWith(` "/" ${encoded}`) || line.endsWith(` "/" "${encoded}"`)), `${folder.name} in ${listed.join(' | ')}`).toBe(true);
    }
    expect(sb.imapLogins().at(-1)).toEqual({ user: adele, method: 'XOAUTH2' });
  });

  it('serves every message of every folder byte for byte as seeded (including the ~1 MB one)', async () => {
    const seed = sb.mailboxSeed(adele);
    expect(seed.flatMap((folder) => folder.messages).some((message) => message.raw.length > 1_000_000)).toBe(true);
    const client = await TestImapClient.connect(sb.imap!.host, sb.imap!.port, sb.caPem);
    try {
      expect((await client.command(`AUTHENTICATE XOAUTH2 ${xoauth2(adele, await token(sb, adele))}`)).done).toMatch(/^OK /);
      for (const folder of seed) {
        const selected = await client.command(`EXAMINE ${quoteMailbox(folder.name)}`);
        expect(selected.done, folder.name).toMatch(/^OK /);
        expect(selected.untagged).toContain(`* ${folder.messages.length} EXISTS`);
        if (folder.messages.length === 0) continue;
        const fetched = await client.command('UID FETCH 1:* (BODY.PEEK[])');
        expect(fetched.done).toMatch(/^OK /);
        expect(fetched.literals.length).toBe(folder.messages.length);
        fetched.literals.forEach((bytes, index) => expect(bytes.equals(folder.messages[index]!.raw), `${folder.name} #${index + 1}`).toBe(true));
      }
    } finally {
      client.close();
    }
  });

  it('each user gets their own mailbox: Megan logs in with her token and sees her own seed', async () => {
    const client = await TestImapClient.connect(sb.imap!.host, sb.imap!.port, sb.caPem);
    try {
      expect((await client.command(`AUTHENTICATE XOAUTH2 ${xoauth2(megan, await token(sb, megan))}`)).done).toMatch(/^OK /);
      await client.command('EXAMINE INBOX');
      const fetched = await client.command('UID FETCH 1 (BODY.PEEK[])');
      expect(fetched.literals[0]!.equals(sb.mailboxSeed(megan)[0]!.messages[0]!.raw)).toBe(true);
      expect(fetched.literals[0]!.toString('utf8')).toContain(`To: ${megan}`);
    } finally {
      client.close();
    }
  });

  it(`refuses a token for SMTP.Send, for Graph, for another user, or garbled with Exchange's "AUTHENTICATE failed."`, async () => {
    const refused = `NO ${exchangeImap.oauthFailed}`;
    expect(await authenticate(sb, adele, await token(sb, adele, 'https://outlook.office.com/SMTP.Send offline_access'))).toBe(refused);
    expect(await authenticate(sb, adele, await token(sb, adele, 'User.Read offline_access'))).toBe(refused);
    expect(await authenticate(sb, adele, await token(sb, megan))).toBe(refused);
    const good = await token(sb, adele);
    const [header, payload, signature] = good.split('.');
    const tampered = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
    tampered['upn'] = megan;
    expect(await authenticate(sb, megan, `${header}.${Buffer.from(JSON.stringify(tampered)).toString('base64url')}.${signature}`)).toBe(refused);
    expect(await authenticate(sb, adele, 'not-a-jwt')).toBe(refused);
    // The same good token still works: the refusals above were about the tokens, not the user.
    expect(await authenticate(sb, adele.toUpperCase(), good)).toMatch(/^OK /);
    expect(sb.imapLogins().every((login) => login.method === 'XOAUTH2')).toBe(true);
    // Dovecot logs who logged in and why a login failed, never the token itself.
    const log = readFileSync(join(sb.imapProcess!.dir, 'dovecot.log'), 'utf8');
    expect(log).toContain('Local validation failed');
    expect(log).not.toContain(signature!);
    expect(log).not.toContain(payload!);
  });

  it('refuses an expired token', async () => {
    sb.setAccessTokenLifetime(1);
    try {
      const short = await token(sb, adele);
      const exp = (JSON.parse(Buffer.from(short.split('.')[1]!, 'base64url').toString('utf8')) as { exp: number }).exp;
      // Wait until the token is past its exp (Dovecot accepts it during its last second).
      while (Date.now() / 1000 <= exp + 1) await new Promise((resolve) => setTimeout(resolve, 250));
      expect(await authenticate(sb, adele, short)).toBe(`NO ${exchangeImap.oauthFailed}`);
    } finally {
      sb.setAccessTokenLifetime(sb.scenario.accessTokenLifetimeSeconds);
    }
  });

  it('refuses passwords (Basic authentication is off): LOGIN and AUTHENTICATE PLAIN', async () => {
    const user = sb.scenario.users[0]!;
    const client = await TestImapClient.connect(sb.imap!.host, sb.imap!.port, sb.caPem);
    try {
      expect((await client.command(`LOGIN "${user.upn}" "${user.password}"`)).done).toBe(`NO ${exchangeImap.basicFailed}`);
      const plain = Buffer.from(`\0${user.upn}\0${user.password}`).toString('base64');
      expect((await client.command(`AUTHENTICATE PLAIN ${plain}`)).done).toBe(`NO ${exchangeImap.basicFailed}`);
      // Not logged in after all that: a mailbox command is refused.
      expect((await client.command('SELECT INBOX')).done).toMatch(/^BAD /);
    } finally {
      client.close();
    }
  });
});

describe.skipIf(!haveDovecot)('IMAP stand-in lifecycle', () => {
  it('stop() ends Dovecot and every child process, and removes its folder', async () => {
    const sb = await startSandbox();
    const running = sb.imapProcess!;
    expect(existsSync(running.dir)).toBe(true);
    const children = (): number[] =>
      readdirSync('/proc')
        .filter((entry) => /^\d+$/.test(entry))
        .filter((pid) => {
          try {
            return readFileSync(join('/proc', pid, 'stat'), 'utf8').split(') ')[1]?.split(' ')[1] === String(running.pid);
          } catch {
            return false;
          }
        })
        .map(Number);
    expect(children().length).toBeGreaterThan(0);
    const before = children();
    await sb.stop();
    expect(() => process.kill(running.pid, 0)).toThrow();
    for (const pid of before) expect(existsSync(join('/proc', String(pid))) && !readFileSync(join('/proc', String(pid), 'stat'), 'utf8').includes(') Z ')).toBe(false);
    expect(existsSync(running.dir)).toBe(false);
  });
});

describe('sandbox without Dovecot', () => {
  it('starts without IMAP, says so, and leaves IMAP out of the app env', async () => {
    const sb = await startSandbox({ imap: { binary: null } });
    try {
      expect(sb.imap).toBeNull();
      expect(sb.imapNote).toMatch(/Dovecot is not installed/);
      expect(sb.imapLogins()).toEqual([]);
      expect(Object.keys(appEnvFor(sb)).filter((key) => key.includes('IMAP'))).toEqual([]);
    } finally {
      await sb.stop();
    }
  });

  it('a Dovecot that cannot start leaves the sandbox running without IMAP', async () => {
    const sb = await startSandbox({ imap: { binary: '/bin/false' } });
    try {
      expect(sb.imap).toBeNull();
      expect(sb.imapNote).toMatch(/Dovecot did not start/);
    } finally {
      await sb.stop();
    }
  });
});
