import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fetch } from 'undici';
import { sandboxDispatcher } from '../../sandbox/client-trust';
import { findDovecot } from '../../sandbox/imap/dovecot';
import { listScenarios, loadScenario } from '../../sandbox/index';
import { TestImapClient } from '../support/imap-client';

const required = [
  'ready-user',
  'mfa-not-enabled',
  'security-defaults',
  'conditional-access-mfa',
  'smtp-auth-disabled-tenant',
  'smtp-auth-disabled-mailbox',
  'basic-auth-retired',
  'non-admin-403',
];

describe('sandbox scenarios', () => {
  it('ships every required scenario, each valid against the schema', () => {
    expect(listScenarios()).toEqual(expect.arrayContaining(required));
    for (const name of listScenarios()) expect(loadScenario(name).name).toBe(name);
  });

  it('names the field and the problem when a scenario is invalid', () => {
    expect(() => loadScenario({ name: 'x', tenant: { id: 'not-a-guid', domain: 'contoso.com' }, users: [] })).toThrow(/tenant\.id: must be a GUID[\s\S]*users:/);
    expect(() => loadScenario('../package')).toThrow(/Unknown scenario/);
  });
});

describe('npm run sandbox', () => {
  it('prints authority, Graph, SMTP, IMAP, CA and scenario, one per line, and serves them', async () => {
    const child = spawn(join('node_modules', '.bin', 'tsx'), ['sandbox/cli.ts', '--scenario', 'non-admin-403'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      await expect.poll(() => output.split('\n').length, { timeout: 20_000 }).toBeGreaterThan(6);
      const [authority = '', graph = '', smtp = '', imap = '', ca = '', scenario = ''] = output.split('\n');
      expect(authority).toMatch(/^authority https:\/\/127\.0\.0\.1:\d+\/[0-9a-f-]{36}$/);
      expect(graph).toMatch(/^graph https:\/\/127\.0\.0\.1:\d+$/);
      expect(smtp).toMatch(/^smtp 127\.0\.0\.1:\d+$/);
      if (findDovecot()) expect(imap).toMatch(/^imap 127\.0\.0\.1:\d+$/);
      else expect(imap).toMatch(/^imap none \(Dovecot is not installed/);
      expect(ca).toMatch(/^ca \/.+\.pem$/);
      expect(scenario).toBe('scenario non-admin-403');
      const caPath = ca.slice(3);
      const caPem = readFileSync(caPath, 'utf8');
      const response = await fetch(`${authority.slice(10)}/v2.0/.well-known/openid-configuration`, { dispatcher: sandboxDispatcher(readFileSync(caPath, 'utf8')) });
      expect(response.status).toBe(200);
      const imapPort = Number(/:(\d+)$/.exec(imap)?.[1] ?? 0);
      if (imapPort) {
        const client = await TestImapClient.connect('127.0.0.1', imapPort, caPem);
        expect(client.greeting).toMatch(/^\* OK .*The Microsoft Exchange IMAP4 service is ready\./);
        client.close();
        expect(output).toContain(`export M365_CONNECT_IMAP_PORT=${imapPort}`);
      }
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      expect(existsSync(caPath)).toBe(false); // the temporary CA is removed on exit
      // ...and Dovecot has stopped with it.
      if (imapPort) await expect(TestImapClient.connect('127.0.0.1', imapPort, caPem)).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      // SIGTERM, not SIGKILL: tsx passes it on to the sandbox, which stops Dovecot and cleans up.
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
    }
  });
});
