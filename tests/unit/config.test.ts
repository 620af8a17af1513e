import { mkdtemp, readFile, readdir, writeFile, open as fsOpen, rename, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import selfsigned from 'selfsigned';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/ipc/app-error';
import {
  envNameFor,
  loadConfig,
  machinePolicyPath,
  saveUserSettings,
} from '../../src/main/config';
import { writeFileAtomic, type AtomicWriteIo } from '../../src/main/files/atomic-write';

const clientA = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const clientB = 'ffffffff-eeee-4ddd-8ccc-bbbbbbbbbbbb';
let dir: string;
let caFile: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'm365-config-'));
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'Test CA' }], { keySize: 2048 });
  caFile = join(dir, 'ca.pem');
  await writeFile(caFile, pems.cert);
});

const file = async (name: string, content: unknown) => {
  const path = join(dir, name);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const rejection = async (promise: Promise<unknown>): Promise<AppError> => {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected a rejection');
};

describe('config: defaults and presets', () => {
  it('uses the public cloud defaults when nothing is set', async () => {
    const config = await loadConfig({ env: {}, platform: 'linux', settingsFile: join(dir, 'none.json') });
    expect(config.values).toEqual({
      clientId: null,
      tenant: 'organizations',
      cloud: 'public',
      authorityHost: 'https://login.microsoftonline.com',
      graphBaseUrl: 'https://graph.microsoft.com',
      smtpHost: 'smtp.office365.com',
      smtpPort: 587,
      imapHost: 'outlook.office365.com',
      imapPort: 993,
      extraCaFile: null,
      keychainService: 'm365-connect',
      bridgeSmtpPort: 1587,
      bridgeImapPort: 1143,
      bridgeStartAtLogin: false,
      routesOffered: ['app-password', 'oauth', 'bridge'],
      hiddenGuides: [],
    });
    expect(Object.values(config.sources).every((s) => s === 'default')).toBe(true);
    expect(config.smtpScope).toBe('https://outlook.office.com/SMTP.Send');
    expect(config.demoTenant).toBe(false);
  });

  it.each([
    ['usgov-high', 'https://login.microsoftonline.us', 'https://graph.microsoft.us', 'smtp.office365.us'],
    ['usgov-dod', 'https://login.microsoftonline.us', 'https://dod-graph.microsoft.us', 'smtp.office365.us'],
    ['china', 'https://login.chinacloudapi.cn', 'https://microsoftgraph.chinacloudapi.cn', 'smtp.partner.outlook.cn'],
  ])('cloud %s sets the three hosts, from the cloud key’s source', async (cloud, authorityHost, graphBaseUrl, smtpHost) => {
    const config = await loadConfig({ env: { M365_CONNECT_CLOUD: cloud }, platform: 'linux' });
    expect(config.values).toMatchObject({ cloud, authorityHost, graphBaseUrl, smtpHost });
    expect(config.sources).toMatchObject({ cloud: 'env', authorityHost: 'env', graphBaseUrl: 'env', smtpHost: 'env' });
  });

  it('an explicit host beats the preset', async () => {
    const config = await loadConfig({
      env: { M365_CONNECT_CLOUD: 'china', M365_CONNECT_SMTP_HOST: 'relay.example.cn' },
      platform: 'linux',
    });
    expect(config.values.smtpHost).toBe('relay.example.cn');
    expect(config.values.graphBaseUrl).toBe('https://microsoftgraph.chinacloudapi.cn');
  });
});

describe('config: sources and precedence', () => {
  it('names every environment variable M365_CONNECT_ + upper snake case', () => {
    expect(envNameFor('graphBaseUrl')).toBe('M365_CONNECT_GRAPH_BASE_URL');
    expect(envNameFor('extraCaFile')).toBe('M365_CONNECT_EXTRA_CA_FILE');
    expect(envNameFor('clientId')).toBe('M365_CONNECT_CLIENT_ID');
  });

  it('reads every key from the environment, coercing the port', async () => {
    const env = {
      M365_CONNECT_CLIENT_ID: clientA,
      M365_CONNECT_TENANT: 'contoso.com',
      M365_CONNECT_CLOUD: 'public',
      M365_CONNECT_AUTHORITY_HOST: 'https://login.microsoft.com/',
      M365_CONNECT_GRAPH_BASE_URL: 'https://graph.microsoft.com',
      M365_CONNECT_SMTP_HOST: '127.0.0.1',
      M365_CONNECT_SMTP_PORT: '2525',
      M365_CONNECT_EXTRA_CA_FILE: caFile,
      M365_CONNECT_KEYCHAIN_SERVICE: 'acme-backup',
    };
    const config = await loadConfig({ env, platform: 'linux' });
    expect(config.values).toMatchObject({
      clientId: clientA,
      tenant: 'contoso.com',
      authorityHost: 'https://login.microsoft.com',
      graphBaseUrl: 'https://graph.microsoft.com',
      smtpHost: '127.0.0.1',
      smtpPort: 2525,
      extraCaFile: caFile,
      keychainService: 'acme-backup',
    });
    for (const key of ['clientId', 'tenant', 'authorityHost', 'graphBaseUrl', 'smtpHost', 'smtpPort', 'extraCaFile', 'keychainService'] as const) {
      expect(config.sources[key]).toBe('env');
    }
  });

  it('policy > env > settings > default, per key', async () => {
    const policyFile = await file('precedence-policy.json', { tenant: 'policy.example' });
    const settingsFile = await file('precedence-settings.json', { tenant: 'settings.example', smtpPort: 2526, keychainService: 'mine' });
    const env = { M365_CONNECT_TENANT: 'env.example', M365_CONNECT_SMTP_PORT: '2527' };
    const config = await loadConfig({ env, policyFile, settingsFile, platform: 'linux' });
    expect(config.values.tenant).toBe('policy.example');
    expect(config.sources.tenant).toBe('policy');
    expect(config.values.smtpPort).toBe(2527);
    expect(config.sources.smtpPort).toBe('env');
    expect(config.values.keychainService).toBe('mine');
    expect(config.sources.keychainService).toBe('settings');
    expect(config.sources.smtpHost).toBe('default');
    expect(config.policyFile).toBe(policyFile);
  });

  it('finds the policy through M365_CONNECT_POLICY', async () => {
    const policyFile = await file('env-policy.json', { clientId: clientB });
    const config = await loadConfig({ env: { M365_CONNECT_POLICY: policyFile }, platform: 'linux' });
    expect(config.values.clientId).toBe(clientB);
    expect(config.sources.clientId).toBe('policy');
  });

  it('knows each platform’s machine-wide policy location', () => {
    expect(machinePolicyPath('linux')).toBe('/etc/m365-connect/policy.json');
    expect(machinePolicyPath('darwin')).toBe('/Library/Application Support/m365-connect/policy.json');
    expect(machinePolicyPath('win32', { ProgramData: 'D:\\PD' })).toBe('D:\\PD\\m365-connect\\policy.json');
  });

  it('demo tenant only when asked for, and never over a client id from settings or a policy', async () => {
    expect((await loadConfig({ env: {}, demo: true })).demoTenant).toBe(true);
    expect((await loadConfig({ env: { M365_CONNECT_DEMO: '1' } })).demoTenant).toBe(true);
    expect((await loadConfig({ env: {} })).demoTenant).toBe(false);
    // The demo launcher hands the sandbox's client id over in the environment.
    expect((await loadConfig({ env: { M365_CONNECT_CLIENT_ID: clientA }, demo: true })).demoTenant).toBe(true);
    expect((await loadConfig({ env: { M365_CONNECT_CLIENT_ID: clientA } })).demoTenant).toBe(false);
    const dir = await mkdtemp(join(tmpdir(), 'm365-demo-'));
    const policyFile = join(dir, 'policy.json');
    await writeFile(policyFile, JSON.stringify({ clientId: clientA }));
    expect((await loadConfig({ env: {}, policyFile, demo: true })).demoTenant).toBe(false);
  });
});

describe('config: policy contents', () => {
  it('routes offered, guides hidden or shown, locked keys', async () => {
    const policyFile = await file('full-policy.json', {
      $schema: './policy.schema.json',
      clientId: clientA,
      routesOffered: ['oauth'],
      shownGuides: ['oauth-route', 'enable-smtp-auth'],
      locked: ['tenant', 'smtpHost'],
    });
    const settingsFile = await file('locked-settings.json', { tenant: 'mine.example', smtpPort: 2600 });
    const config = await loadConfig({ env: { M365_CONNECT_SMTP_HOST: 'evil.example' }, policyFile, settingsFile });
    expect(config.values.routesOffered).toEqual(['oauth']);
    expect(config.sources.routesOffered).toBe('policy');
    expect(config.values.hiddenGuides).not.toContain('oauth-route');
    expect(config.values.hiddenGuides).toContain('create-app-password');
    expect(config.values.hiddenGuides).toHaveLength(9);
    expect(config.locked).toEqual(['tenant', 'smtpHost']);
    // Locked keys the policy does not set stay at their defaults: users cannot override them.
    expect(config.values.tenant).toBe('organizations');
    expect(config.sources.tenant).toBe('default');
    expect(config.values.smtpHost).toBe('smtp.office365.com');
    expect(config.values.smtpPort).toBe(2600);
    expect(config.ignored).toEqual([
      { key: 'smtpHost', source: 'env', reason: expect.stringMatching(/locked/) },
      { key: 'tenant', source: 'settings', reason: expect.stringMatching(/locked/) },
    ]);
  });

  it('bridge keys: policy forces the ports and start at login, forbids the bridge by leaving it out of routesOffered', async () => {
    const policyFile = await file('bridge-policy.json', {
      routesOffered: ['oauth'],
      bridgeSmtpPort: 2587,
      bridgeImapPort: 2143,
      bridgeStartAtLogin: true,
      locked: ['bridgeStartAtLogin', 'bridgeSmtpPort'],
    });
    const settingsFile = await file('bridge-settings.json', { bridgeSmtpPort: 9999, bridgeStartAtLogin: false });
    const config = await loadConfig({ env: { M365_CONNECT_BRIDGE_IMAP_PORT: '3143' }, policyFile, settingsFile });
    expect(config.values).toMatchObject({ routesOffered: ['oauth'], bridgeSmtpPort: 2587, bridgeImapPort: 2143, bridgeStartAtLogin: true });
    expect(config.sources).toMatchObject({ bridgeSmtpPort: 'policy', bridgeImapPort: 'policy', bridgeStartAtLogin: 'policy' });
  });

  it('bridge keys from the environment and settings, below the policy', async () => {
    const settingsFile = await file('bridge-user.json', { bridgeSmtpPort: 2525, bridgeStartAtLogin: true });
    const config = await loadConfig({ env: { M365_CONNECT_BRIDGE_IMAP_PORT: '0', M365_CONNECT_BRIDGE_START_AT_LOGIN: 'no' }, settingsFile });
    expect(config.values).toMatchObject({ bridgeSmtpPort: 2525, bridgeImapPort: 0, bridgeStartAtLogin: false });
    expect(config.sources).toMatchObject({ bridgeSmtpPort: 'settings', bridgeImapPort: 'env', bridgeStartAtLogin: 'env' });
    await expect(loadConfig({ env: { M365_CONNECT_BRIDGE_START_AT_LOGIN: 'maybe' } })).rejects.toThrow(/must be true or false/);
    await expect(loadConfig({ env: { M365_CONNECT_BRIDGE_SMTP_PORT: '70000' } })).rejects.toThrow(/between 0 and 65535/);
  });

  it('hiddenGuides lists guides directly', async () => {
    const policyFile = await file('hidden-policy.json', { hiddenGuides: ['disable-security-defaults'] });
    expect((await loadConfig({ env: {}, policyFile })).values.hiddenGuides).toEqual(['disable-security-defaults']);
  });

  it.each([
    ['not JSON', '{"tenant": ', /policy file .*bad-1\.json could not be read: not valid JSON/],
    ['an array', '[]', /top level must be a JSON object/],
    ['an unknown key', { tenant: 'contoso.com', tennant: 'typo' }, /"\(file\)": unknown key\(s\): tennant/],
    ['a bad value', { smtpPort: 70000 }, /"smtpPort": must be between 1 and 65535/],
    ['a bad cloud', { cloud: 'mars' }, /"cloud": must be one of public, usgov-high, usgov-dod, china/],
    ['an unknown locked key', { locked: ['tenant', 'password'] }, /"locked\.1"/],
    ['an unknown guide', { hiddenGuides: ['nope'] }, /"hiddenGuides\.0"/],
    ['no routes', { routesOffered: [] }, /"routesOffered": must offer at least one route/],
    ['an unknown route', { routesOffered: ['carrier-pigeon'] }, /"routesOffered\.0"/],
    ['shown and hidden', { shownGuides: [], hiddenGuides: [] }, /either shownGuides or hiddenGuides/],
    ['an http authority', { authorityHost: 'http://login.example' }, /"authorityHost": must be an https/],
  ])('a malformed policy (%s) is a clear error naming the file and the key', async (_label, content, message) => {
    const index = ['not JSON', 'an array'].indexOf(_label) + 1;
    const name = index > 0 ? `bad-${index}.json` : `bad-${_label.replace(/\W/g, '')}.json`;
    const policyFile = await file(name, content);
    const error = await rejection(loadConfig({ env: { M365_CONNECT_TENANT: 'contoso.com' }, policyFile }));
    expect(error.code).toBe('config-invalid');
    expect(error.message).toContain(policyFile);
    expect(error.message).toMatch(message);
    expect(error.nextStep).toMatch(/nothing was started with it half-read/);
  });

  it('a named policy that does not exist is an error; the machine-wide one is optional', async () => {
    const error = await rejection(loadConfig({ env: { M365_CONNECT_POLICY: join(dir, 'missing.json') } }));
    expect(error.message).toMatch(/missing\.json could not be read: the file does not exist/);
    const config = await loadConfig({ env: {}, platform: 'linux' });
    expect(config.policyFile).toBeNull();
  });
});

describe('config: bad values name the key and the source', () => {
  it.each([
    ['M365_CONNECT_SMTP_PORT', 'abc', /"smtpPort" from environment variable M365_CONNECT_SMTP_PORT is invalid: must be a port number/],
    ['M365_CONNECT_SMTP_PORT', '0', /"smtpPort" .* must be between 1 and 65535/],
    ['M365_CONNECT_CLIENT_ID', 'my-app', /"clientId" from environment variable M365_CONNECT_CLIENT_ID .* GUID/],
    ['M365_CONNECT_TENANT', 'not a tenant', /"tenant" from environment variable M365_CONNECT_TENANT/],
    ['M365_CONNECT_GRAPH_BASE_URL', 'https://user:pw@graph.example', /"graphBaseUrl" .* without credentials/],
    ['M365_CONNECT_CLOUD', 'azure', /"cloud" .* must be one of/],
    ['M365_CONNECT_KEYCHAIN_SERVICE', ' ', null],
  ])('%s=%s', async (name, value, message) => {
    if (message === null) {
      // Blank means unset, not invalid.
      expect((await loadConfig({ env: { [name]: value } })).sources.keychainService).toBe('default');
      return;
    }
    const error = await rejection(loadConfig({ env: { [name]: value } }));
    expect(error.code).toBe('config-invalid');
    expect(error.message).toMatch(message);
    expect(error.issues?.[0]?.path).toBeTruthy();
  });

  it('a settings file with a bad value names the file and the key', async () => {
    const settingsFile = await file('bad-settings.json', { smtpPort: 'twenty-five' });
    const error = await rejection(loadConfig({ env: {}, settingsFile }));
    expect(error.message).toContain(`settings file ${settingsFile}`);
    expect(error.message).toMatch(/"smtpPort"/);
  });

  it('an extra CA file must exist and hold a PEM certificate', async () => {
    const missing = await rejection(loadConfig({ env: { M365_CONNECT_EXTRA_CA_FILE: join(dir, 'nope.pem') } }));
    expect(missing.message).toMatch(/"extraCaFile" from the environment is invalid: .*nope\.pem does not exist/);
    const notPem = await file('not-a-cert.pem', 'hello');
    const policyFile = await file('ca-policy.json', { extraCaFile: notPem });
    const bad = await rejection(loadConfig({ env: {}, policyFile }));
    expect(bad.message).toMatch(/"extraCaFile" from policy file .*ca-policy\.json is invalid: .* holds no PEM certificate/);
  });

  it('beforeCaFileCheck sees every other value checked, before the CA file is; what it throws, loadConfig throws', async () => {
    const broken = await file('broken-ca.pem', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
    const seen: unknown[] = [];
    const env = { M365_CONNECT_EXTRA_CA_FILE: broken, M365_CONNECT_SMTP_PORT: '2525' };
    const refused = await rejection(loadConfig({ env, beforeCaFileCheck: (settled) => seen.push(settled) }));
    expect(refused.message).toMatch(/"extraCaFile" from the environment is invalid: .*cannot be parsed/);
    expect(seen).toEqual([{ values: expect.objectContaining({ smtpPort: 2525, smtpHost: 'smtp.office365.com' }), locked: [] }]);
    expect(seen[0]).not.toHaveProperty('values.extraCaFile');

    // A bad value elsewhere is refused before the hook runs.
    seen.length = 0;
    await rejection(loadConfig({ env: { ...env, M365_CONNECT_SMTP_PORT: 'x' }, beforeCaFileCheck: (settled) => seen.push(settled) }));
    expect(seen).toEqual([]);

    const policyRefusal = new AppError({ code: 'policy-forbidden', message: 'no' });
    const thrown = await rejection(loadConfig({ env: { M365_CONNECT_EXTRA_CA_FILE: caFile }, beforeCaFileCheck: () => { throw policyRefusal; } }));
    expect(thrown).toBe(policyRefusal);
  });

  it('lists the values in one fixed order (`config show` prints them in it)', async () => {
    const config = await loadConfig({ env: { M365_CONNECT_EXTRA_CA_FILE: caFile }, platform: 'linux', settingsFile: join(dir, 'none.json') });
    expect(Object.keys(config.values)).toEqual([
      'clientId', 'tenant', 'cloud', 'authorityHost', 'graphBaseUrl', 'smtpHost', 'smtpPort', 'imapHost', 'imapPort',
      'bridgeSmtpPort', 'bridgeImapPort', 'extraCaFile', 'keychainService', 'bridgeStartAtLogin', 'routesOffered', 'hiddenGuides',
    ]);
  });
});

describe('config: user settings are written atomically', () => {
  it('saves, merges, removes with null, and validates', async () => {
    const settingsFile = join(dir, 'sub', 'settings.json');
    await saveUserSettings({ settingsFile, changes: { tenant: 'contoso.com', smtpPort: 2525 } });
    await saveUserSettings({ settingsFile, changes: { smtpPort: null, keychainService: 'k' } });
    expect(JSON.parse(await readFile(settingsFile, 'utf8'))).toEqual({ tenant: 'contoso.com', keychainService: 'k' });
    const config = await loadConfig({ env: {}, settingsFile });
    expect(config.sources.tenant).toBe('settings');
    const error = await rejection(saveUserSettings({ settingsFile, changes: { smtpPort: 99999 } }));
    expect(error.code).toBe('config-invalid');
  });

  it('refuses keys the policy locks', async () => {
    const settingsFile = join(dir, 'locked', 'settings.json');
    const error = await rejection(saveUserSettings({ settingsFile, changes: { tenant: 'x.example' }, locked: ['tenant'] }));
    expect(error.code).toBe('policy-forbidden');
  });

  it('a write that fails half-way leaves the previous file and no temporary file', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'm365-atomic-'));
    const target = join(folder, 'settings.json');
    await writeFileAtomic(target, '{"tenant":"before.example"}\n');
    // The disk fills up after half the new content is written.
    const failingIo: AtomicWriteIo = {
      open: (async (path: string, flags: string, mode?: number) => {
        const handle = await fsOpen(path, flags, mode);
        if (flags !== 'wx') return handle;
        return Object.assign(Object.create(handle) as typeof handle, {
          writeFile: async (data: string) => {
            await handle.write(data.slice(0, data.length / 2));
            throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          },
          close: () => handle.close(),
          sync: () => handle.sync(),
        });
      }) as AtomicWriteIo['open'],
      rename,
      unlink,
    };
    await expect(writeFileAtomic(target, `{"tenant":"${'x'.repeat(10_000)}.example"}\n`, failingIo)).rejects.toThrow(/ENOSPC/);
    expect(await readFile(target, 'utf8')).toBe('{"tenant":"before.example"}\n');
    expect(await readdir(folder)).toEqual(['settings.json']);
  });

  it('a failed rename leaves the previous file too', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'm365-atomic-'));
    const target = join(folder, 'settings.json');
    await writeFile(target, 'old');
    const io: AtomicWriteIo = { open: fsOpen, rename: async () => Promise.reject(new Error('EXDEV')), unlink };
    await expect(writeFileAtomic(target, 'new', io)).rejects.toThrow('EXDEV');
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(folder)).toEqual(['settings.json']);
  });
});

describe('config: the documented policy example', () => {
  it('is a valid policy', async () => {
    const config = await loadConfig({ env: {}, policyFile: join(import.meta.dirname, '../../src/main/config/policy.example.json') });
    expect(config.values.tenant).toBe('contoso.com');
    expect(config.locked).toContain('clientId');
    expect(config.values.hiddenGuides).toEqual(['disable-security-defaults']);
  });
});
