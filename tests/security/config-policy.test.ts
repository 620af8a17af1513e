import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program';
import { tokenCacheServiceName } from '../../src/main/auth';
import { loadConfig } from '../../src/main/config';
import { fakeIo } from '../cli/support/fake-io';
import { securityLog } from './support/security-log';

const log = securityLog('config-policy', 9);
afterAll(() => log.flush());

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'm365-policy-sec-'));
});
const file = async (name: string, content: unknown) => {
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(content));
  return path;
};
const rejectionOf = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as { code?: string; message?: string });

describe('the machine policy always applies', () => {
  it('M365_CONNECT_POLICY (or a caller’s policy) cannot replace an existing machine policy; it only fills in where there is none', async () => {
    const machinePolicyFile = await file('machine.json', { smtpHost: 'smtp.office365.com', locked: ['smtpHost'], routesOffered: ['oauth'] });
    const mine = await file('mine.json', { smtpHost: 'smtp.attacker.example', routesOffered: ['app-password', 'oauth'] });
    const cases = [
      { env: { M365_CONNECT_POLICY: mine }, policyFile: undefined },
      { env: {}, policyFile: mine },
      { env: { M365_CONNECT_POLICY: mine, M365_CONNECT_SMTP_HOST: 'smtp.attacker.example' }, policyFile: undefined },
    ];
    for (const { env, policyFile } of cases) {
      const config = await loadConfig({ env, machinePolicyFile, ...(policyFile ? { policyFile } : {}), platform: 'linux' });
      expect(config.policyFile).toBe(machinePolicyFile);
      expect(config.ignoredPolicyFile).toBe(mine);
      expect(config.values.smtpHost).toBe('smtp.office365.com');
      expect(config.values.routesOffered).toEqual(['oauth']);
      expect(config.locked).toEqual(['smtpHost']);
    }
    // No machine policy: the named one is the policy.
    const alone = await loadConfig({ env: { M365_CONNECT_POLICY: mine }, machinePolicyFile: null, platform: 'linux' });
    expect(alone.policyFile).toBe(mine);
    expect(alone.values.smtpHost).toBe('smtp.attacker.example');
    // A machine path that holds no file is "no machine policy", not an error.
    const absent = await loadConfig({ env: { M365_CONNECT_POLICY: mine }, machinePolicyFile: join(dir, 'absent.json'), platform: 'linux' });
    expect(absent.policyFile).toBe(mine);
    log.passed({
      area: 'Policy',
      tried: 'M365_CONNECT_POLICY, a caller’s policy file and environment overrides against a machine policy with locks and routesOffered',
      cases: cases.length + 2,
      held: 'the machine policy applied every time (locks, routesOffered, values); the other policy only where the machine has none, and reported as ignored',
    });
  });

  it('the CLI: config show names the machine policy and the ignored one; smtp-test honours the machine’s routes', async () => {
    const machinePolicyFile = await file('machine-cli.json', { routesOffered: ['app-password'], locked: ['tenant'], tenant: 'contoso.com' });
    const mine = await file('mine-cli.json', { routesOffered: ['oauth'], tenant: 'fabrikam.com' });
    const env = { M365_CONNECT_POLICY: mine, M365_CONNECT_TENANT: 'fabrikam.com', XDG_CONFIG_HOME: join(dir, 'cfg') };

    const show = fakeIo({ env });
    expect(await runCli(['config', 'show', '--json'], { ...show, machinePolicyFile })).toBe(0);
    const document = JSON.parse(show.stdoutText()) as Record<string, unknown> & { values: Record<string, unknown> };
    expect(document).toMatchObject({ policyFile: machinePolicyFile, ignoredPolicyFile: mine, locked: ['tenant'] });
    expect(document.values).toMatchObject({ tenant: 'contoso.com', routesOffered: ['app-password'] });

    const human = fakeIo({ env });
    expect(await runCli(['config', 'show'], { ...human, machinePolicyFile })).toBe(0);
    expect(human.stderrText()).toContain(`The policy file ${mine} was ignored`);

    const oauth = fakeIo({ env });
    expect(await runCli(['smtp-test', '--user', 'ada@contoso.com', '--oauth', '--json'], { ...oauth, machinePolicyFile })).toBe(7);
    expect(JSON.parse(oauth.stdoutText())).toMatchObject({ ok: false, error: { code: 'policy-forbidden' } });
    log.passed({
      area: 'Policy',
      tried: 'the CLI with M365_CONNECT_POLICY set on a machine that has its own policy (config show, smtp-test --oauth the machine does not offer)',
      cases: 3,
      held: 'the machine policy decided values, locks and routes (exit 7); config show named the ignored file',
    });
  });
});

describe('outbound hosts: tokens go to Microsoft unless the policy says otherwise', () => {
  const foreign = [
    ['authorityHost', 'M365_CONNECT_AUTHORITY_HOST', 'https://login.attacker.example'],
    ['graphBaseUrl', 'M365_CONNECT_GRAPH_BASE_URL', 'https://graph.attacker.example'],
    ['authorityHost', 'M365_CONNECT_AUTHORITY_HOST', 'https://login.microsoftonline.com.attacker.example'],
    ['graphBaseUrl', 'M365_CONNECT_GRAPH_BASE_URL', 'https://graph.microsoft.com:8443'],
    ['graphBaseUrl', 'M365_CONNECT_GRAPH_BASE_URL', 'https://graph.microsoft.us'],
    ['authorityHost', 'M365_CONNECT_AUTHORITY_HOST', 'https://127.0.0.1:8443'],
  ] as const;

  it.each(foreign)('%s = %s from the environment or settings is refused (public cloud)', async (key, envName, value) => {
    const fromEnv = await rejectionOf(loadConfig({ env: { [envName]: value }, machinePolicyFile: null }));
    expect(fromEnv).toMatchObject({ code: 'config-invalid' });
    expect(fromEnv?.message).toContain(`"${key}" from environment variable ${envName}`);
    expect(fromEnv?.message).toContain('policy');
    const settingsFile = await file(`settings-${key}.json`, { [key]: value });
    const fromSettings = await rejectionOf(loadConfig({ env: {}, settingsFile, machinePolicyFile: null }));
    expect(fromSettings).toMatchObject({ code: 'config-invalid' });
    expect(fromSettings?.message).toContain(`settings file ${settingsFile}`);
  });

  it('Microsoft’s own hosts for the configured cloud are accepted from anywhere; a policy may name any host, and config show says so', async () => {
    const ok = await loadConfig({
      env: { M365_CONNECT_CLOUD: 'china', M365_CONNECT_AUTHORITY_HOST: 'https://login.partner.microsoftonline.cn' },
      machinePolicyFile: null,
    });
    expect(ok.values.authorityHost).toBe('https://login.partner.microsoftonline.cn');
    expect(ok.nonMicrosoftHosts).toEqual([]);

    const policyFile = await file('hosts-policy.json', { authorityHost: 'https://login.test.example', graphBaseUrl: 'https://graph.test.example' });
    const config = await loadConfig({ env: {}, policyFile, machinePolicyFile: null });
    expect(config.nonMicrosoftHosts).toEqual([
      { key: 'authorityHost', value: 'https://login.test.example' },
      { key: 'graphBaseUrl', value: 'https://graph.test.example' },
    ]);
    const io = fakeIo({ env: { M365_CONNECT_POLICY: policyFile, XDG_CONFIG_HOME: join(dir, 'cfg-hosts') } });
    expect(await runCli(['config', 'show'], { ...io, machinePolicyFile: null })).toBe(0);
    expect(io.stderrText()).toContain(`"authorityHost" is https://login.test.example, not a Microsoft host for the public cloud: set by the policy file ${policyFile}`);
    expect(io.stderrText()).toContain('"graphBaseUrl" is https://graph.test.example');

    // `config set` refuses before writing, so a bad host can never break later starts.
    const home = join(dir, 'cfg-set');
    const set = fakeIo({ env: { XDG_CONFIG_HOME: home } });
    expect(await runCli(['config', 'set', 'graphBaseUrl', 'https://graph.attacker.example'], { ...set, machinePolicyFile: null })).toBe(7);
    await expect(readFile(join(home, 'm365-connect', 'settings.json'), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
    log.passed({
      area: 'Outbound hosts',
      tried: `non-Microsoft, look-alike, other-cloud and port-changed authorityHost/graphBaseUrl from the environment, settings and \`config set\`; Microsoft hosts per cloud; hosts from a policy`,
      cases: foreign.length * 2 + 4,
      held: 'outside the policy only Microsoft’s hosts for the cloud were accepted (config-invalid naming key and source, nothing saved); policy hosts accepted and named by config show',
    });
  });
});

describe('the keychain namespace: the app password service cannot be the token cache’s', () => {
  const reserved = [
    tokenCacheServiceName('m365-connect'),
    'M365-Connect.Token-Cache',
    'acme.token-cache',
    'm365-connect-bridge',
    'm365-connect-bridge.token-cache',
    'acme-bridge',
    'ACME-Bridge',
  ];
  const unsafe = ['a b', 'svc/../x', 'svc\u0000', 'svc\u001b[31m', '.hidden', 'x'.repeat(65), 'naïve'];

  it.each([...reserved, ...unsafe].map((value) => [value]))('keychainService %j is refused from every source', async (value) => {
    const fromEnv = await rejectionOf(loadConfig({ env: { M365_CONNECT_KEYCHAIN_SERVICE: value }, machinePolicyFile: null }));
    expect(fromEnv).toMatchObject({ code: 'config-invalid' });
    const policyFile = await file('ks-policy.json', { keychainService: value });
    expect(await rejectionOf(loadConfig({ env: {}, policyFile, machinePolicyFile: null }))).toMatchObject({ code: 'config-invalid' });
    const settingsFile = await file('ks-settings.json', { keychainService: value });
    expect(await rejectionOf(loadConfig({ env: {}, settingsFile, machinePolicyFile: null }))).toMatchObject({ code: 'config-invalid' });
    const io = fakeIo({ env: { XDG_CONFIG_HOME: join(dir, 'cfg-ks') } });
    expect(await runCli(['config', 'set', 'keychainService', value], { ...io, machinePolicyFile: null })).not.toBe(0);
  });

  it('ordinary names still work', async () => {
    for (const value of ['m365-connect', 'acme-backup', 'm365-connect-test-1a2b', 'Acme_Backup.v2']) {
      expect((await loadConfig({ env: { M365_CONNECT_KEYCHAIN_SERVICE: value }, machinePolicyFile: null })).values.keychainService).toBe(value);
    }
    log.passed({
      area: 'Keychain',
      tried: `keychainService set to the token cache's name (any case, any prefix), the bridge's service, and unsafe names (spaces, paths, NUL, ESC, non-ASCII, 65 chars) from environment, policy, settings and \`config set\``,
      cases: (reserved.length + unsafe.length) * 4 + 4,
      held: 'every reserved or unsafe name refused as config-invalid from every source; ordinary names accepted',
    });
  });
});
