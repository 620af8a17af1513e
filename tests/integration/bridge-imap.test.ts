import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../sandbox/index';
import { runTool } from '../support/run-tool';
import { startBridgeKit, type BridgeKit } from './bridge-test-kit';

/** IMAP's modified UTF-7 (RFC 3501 5.1.3): how a folder name travels, and how mbsync 1.4 names it on disk. */
function modifiedUtf7(name: string): string {
  return name.replace(/&/g, '&-').replace(/[^\x20-\x7e]+/g, (run) => {
    const utf16 = Buffer.from(run, 'utf16le').swap16();
    return `&${utf16.toString('base64').replace(/=+$/, '').replace(/\//g, ',')}-`;
  });
}

async function maildirMessages(folder: string): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (const sub of ['cur', 'new']) {
    for (const file of await readdir(join(folder, sub)).catch(() => [])) out.push(await readFile(join(folder, sub, file)));
  }
  return out;
}

const sortBytes = (list: Buffer[]) => [...list].sort(Buffer.compare);

const probe = await startSandbox({ scenario: 'ready-user' });
const imapMissing = probe.imap ? null : probe.imapNote;
await probe.stop();

describe.skipIf(imapMissing !== null)(`the bridge relays IMAP to the sandbox's Dovecot with XOAUTH2 (skipped: ${imapMissing ?? ''})`, () => {
  let kit: BridgeKit;
  let upn: string;
  let password: string;

  beforeAll(async () => {
    kit = await startBridgeKit();
    upn = kit.sb.scenario.users[0]!.upn;
    await kit.signIn(upn);
    password = await kit.bridge.password(upn);
  });
  afterAll(async () => {
    await kit?.stop();
  });

  it('curl lists the mailbox and searches INBOX through the bridge (AUTHENTICATE PLAIN with SASL-IR, user name in any case)', async () => {
    const url = `imap://127.0.0.1:${kit.imapPort}/`;
    const plain = await runTool('curl', ['--silent', '--show-error', '--user', `${upn}:${password}`, url]);
    expect(plain.status, plain.stderr).toBe(0);
    for (const folder of kit.sb.mailboxSeed(upn)) expect(plain.stdout).toContain(modifiedUtf7(folder.name));
    const login = await runTool('curl', ['--silent', '--show-error', '--user', `${upn.toUpperCase()}:${password}`, `${url}INBOX?ALL`]);
    expect(login.status, login.stderr).toBe(0);
    // SEARCH ALL over INBOX: as many messages as the seed has.
    const inbox = kit.sb.mailboxSeed(upn).find((f) => f.name === 'INBOX')!;
    expect(login.stdout.trim()).toBe(`* SEARCH ${inbox.messages.map((_, i) => i + 1).join(' ')}`);
  });

  it('curl fetches the large message through the bridge exactly as the mailbox holds it (CRLF and all)', async () => {
    const inbox = kit.sb.mailboxSeed(upn).find((f) => f.name === 'INBOX')!;
    const largest = inbox.messages.reduce((a, b) => (b.raw.length > a.raw.length ? b : a));
    const fetched = await new Promise<Buffer>((resolve, reject) => {
      const child = spawn('curl', ['--silent', '--show-error', '--user', `${upn}:${password}`, `imap://127.0.0.1:${kit.imapPort}/INBOX;MAILINDEX=${inbox.messages.indexOf(largest) + 1}`]);
      const chunks: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
      child.on('error', reject);
      child.on('close', () => resolve(Buffer.concat(chunks)));
    });
    expect(fetched.length).toBe(largest.raw.length);
    expect(fetched.equals(largest.raw)).toBe(true);
  });

  it('a wrong bridge password: NO [AUTHENTICATIONFAILED] with what to do, and curl fails', async () => {
    const refused = await runTool('curl', ['--silent', '--show-error', '--verbose', '--user', `${upn}:wrong-${password}`, `imap://127.0.0.1:${kit.imapPort}/`]);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/NO \[AUTHENTICATIONFAILED\] Wrong user name or bridge password/);
  });

  it('mbsync (isync) backs up every folder through the bridge, over local STARTTLS; messages match the mailbox byte for byte', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'm365-mbsync-'));
    const backup = join(dir, 'mail');
    const config = join(dir, 'mbsyncrc');
    await mkdir(backup);
    await writeFile(
      config,
      [
        'IMAPAccount bridge',
        'Host 127.0.0.1',
        `Port ${kit.imapPort}`,
        `User ${upn}`,
        `Pass ${password}`,
        'SSLType STARTTLS',
        `CertificateFile ${join(kit.dataDir, 'bridge', 'bridge-tls-cert.pem')}`,
        'AuthMechs LOGIN', // the IMAP LOGIN command (curl above uses AUTHENTICATE PLAIN)
        '',
        'IMAPStore remote',
        'Account bridge',
        '',
        'MaildirStore local',
        `Path ${backup}/`,
        `Inbox ${backup}/INBOX`,
        'SubFolders Verbatim',
        '',
        'Channel backup',
        'Far :remote:',
        'Near :local:',
        'Patterns *',
        'Create Near',
        'Sync Pull',
        'SyncState *',
        '',
      ].join('\n'),
      { mode: 0o600 },
    );
    const synced = await runTool('mbsync', ['-c', config, '-a']);
    expect(synced.status, synced.stdout + synced.stderr).toBe(0);
    for (const folder of kit.sb.mailboxSeed(upn)) {
      const onDisk = await maildirMessages(join(backup, modifiedUtf7(folder.name)));
      // mbsync writes Maildir files with Unix line ends and adds its own X-TUID tracking header
      // to each; apart from those two of its own doings, the files are the mailbox's bytes.
      const expected = folder.messages.map((m) => Buffer.from(m.raw.toString('latin1').replace(/\r\n/g, '\n'), 'latin1'));
      const stored = onDisk.map((b) => Buffer.from(b.toString('latin1').replace(/^X-TUID: [A-Za-z0-9+/]{12}\n/m, ''), 'latin1'));
      expect(sortBytes(stored).map((b) => b.toString('base64')), folder.name).toEqual(sortBytes(expected).map((b) => b.toString('base64')));
    }
    expect(kit.bridge.status().accounts.find((a) => a.upn === upn.toLowerCase())).toMatchObject({ lastError: null, lastSuccessAt: expect.any(String) });
  });
});
