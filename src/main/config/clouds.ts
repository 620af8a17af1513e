/**
 * National clouds. Choosing a cloud sets the sign-in host, the Graph endpoint and the SMTP
 * host together (unless a source sets one of them explicitly), plus the SMTP OAuth scope,
 * which differs per cloud and is not a user-facing key.
 */
export const cloudNames = ['public', 'usgov-high', 'usgov-dod', 'china'] as const;
export type CloudName = (typeof cloudNames)[number];

export type CloudPreset = {
  authorityHost: string;
  graphBaseUrl: string;
  smtpHost: string;
  /** The resource Exchange Online accepts for XOAUTH2 in this cloud. */
  smtpScope: string;
  imapHost: string;
  imapScope: string;
};

/**
 * Microsoft's own endpoints per cloud (learn.microsoft.com/entra/identity-platform/authentication-national-cloud,
 * learn.microsoft.com/graph/deployments). Tokens go only to these unless the organisation's
 * policy names another host (a test tenant, a proxy).
 */
export const microsoftHosts: Record<CloudName, { authorityHost: string[]; graphBaseUrl: string[] }> = {
  public: { authorityHost: ['login.microsoftonline.com', 'login.microsoft.com'], graphBaseUrl: ['graph.microsoft.com'] },
  'usgov-high': { authorityHost: ['login.microsoftonline.us'], graphBaseUrl: ['graph.microsoft.us'] },
  'usgov-dod': { authorityHost: ['login.microsoftonline.us'], graphBaseUrl: ['dod-graph.microsoft.us'] },
  china: { authorityHost: ['login.chinacloudapi.cn', 'login.partner.microsoftonline.cn'], graphBaseUrl: ['microsoftgraph.chinacloudapi.cn'] },
};

/** Whether an https origin is one of Microsoft's hosts for that key in that cloud (no port, no path). */
export function isMicrosoftOrigin(cloud: CloudName, key: 'authorityHost' | 'graphBaseUrl', value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.port === '' && url.pathname === '/' && microsoftHosts[cloud][key].includes(url.hostname);
  } catch {
    return false;
  }
}

export const cloudPresets: Record<CloudName, CloudPreset> = {
  public: {
    authorityHost: 'https://login.microsoftonline.com',
    graphBaseUrl: 'https://graph.microsoft.com',
    smtpHost: 'smtp.office365.com',
    smtpScope: 'https://outlook.office.com/SMTP.Send',
    imapHost: 'outlook.office365.com',
    imapScope: 'https://outlook.office.com/IMAP.AccessAsUser.All',
  },
  'usgov-high': {
    authorityHost: 'https://login.microsoftonline.us',
    graphBaseUrl: 'https://graph.microsoft.us',
    smtpHost: 'smtp.office365.us',
    smtpScope: 'https://outlook.office365.us/SMTP.Send',
    imapHost: 'outlook.office365.us',
    imapScope: 'https://outlook.office365.us/IMAP.AccessAsUser.All',
  },
  'usgov-dod': {
    authorityHost: 'https://login.microsoftonline.us',
    graphBaseUrl: 'https://dod-graph.microsoft.us',
    smtpHost: 'smtp.office365.us',
    smtpScope: 'https://outlook.office365.us/SMTP.Send',
    imapHost: 'outlook.office365.us',
    imapScope: 'https://outlook.office365.us/IMAP.AccessAsUser.All',
  },
  china: {
    authorityHost: 'https://login.chinacloudapi.cn',
    graphBaseUrl: 'https://microsoftgraph.chinacloudapi.cn',
    smtpHost: 'smtp.partner.outlook.cn',
    smtpScope: 'https://partner.outlook.cn/SMTP.Send',
    imapHost: 'partner.outlook.cn',
    imapScope: 'https://partner.outlook.cn/IMAP.AccessAsUser.All',
  },
};
