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
