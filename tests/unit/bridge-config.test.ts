import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/main/config';

const noPolicy = async () => {
  const file = join(await mkdtemp(join(tmpdir(), 'm365-bridge-config-')), 'policy.json');
  await writeFile(file, '{}');
  return file;
};

describe('bridge configuration keys', () => {
  it('defaults: outlook.office365.com:993 upstream, 1587 and 1143 locally, the IMAP scope of the public cloud', async () => {
    const config = await loadConfig({ env: {}, policyFile: await noPolicy(), machinePolicyFile: null });
    expect(config.values).toMatchObject({ imapHost: 'outlook.office365.com', imapPort: 993, bridgeSmtpPort: 1587, bridgeImapPort: 1143 });
    expect(config.imapScope).toBe('https://outlook.office.com/IMAP.AccessAsUser.All');
    expect(config.sources).toMatchObject({ imapHost: 'default', imapPort: 'default', bridgeSmtpPort: 'default', bridgeImapPort: 'default' });
  });

  it('sovereign clouds move the IMAP host and scope with the cloud', async () => {
    const china = await loadConfig({ env: { M365_CONNECT_CLOUD: 'china' }, policyFile: await noPolicy(), machinePolicyFile: null });
    expect(china.values.imapHost).toBe('partner.outlook.cn');
    expect(china.imapScope).toBe('https://partner.outlook.cn/IMAP.AccessAsUser.All');
    const gov = await loadConfig({ env: { M365_CONNECT_CLOUD: 'usgov-high' }, policyFile: await noPolicy(), machinePolicyFile: null });
    expect(gov.values.imapHost).toBe('outlook.office365.us');
    expect(gov.sources.imapHost).toBe('env');
  });

  it('environment M365_CONNECT_IMAP_HOST etc. apply; a policy wins over them; bridge ports may be 0, the upstream port may not', async () => {
    const env = { M365_CONNECT_IMAP_HOST: '127.0.0.1', M365_CONNECT_IMAP_PORT: '9993', M365_CONNECT_BRIDGE_SMTP_PORT: '0', M365_CONNECT_BRIDGE_IMAP_PORT: '2143' };
    const config = await loadConfig({ env, policyFile: await noPolicy(), machinePolicyFile: null });
    expect(config.values).toMatchObject({ imapHost: '127.0.0.1', imapPort: 9993, bridgeSmtpPort: 0, bridgeImapPort: 2143 });
    const policyFile = join(await mkdtemp(join(tmpdir(), 'm365-bridge-policy-')), 'policy.json');
    await writeFile(policyFile, JSON.stringify({ bridgeImapPort: 3143 }));
    expect((await loadConfig({ env, policyFile, machinePolicyFile: null })).values.bridgeImapPort).toBe(3143);
    await expect(loadConfig({ env: { M365_CONNECT_IMAP_PORT: '0' }, policyFile: await noPolicy(), machinePolicyFile: null })).rejects.toThrow(/imapPort.*between 1 and 65535/);
  });
});
