/**
 * MOUNT POINT (guides): the wizard needs each guide's title and its "Open the page" deep link.
 * The guide content is data owned by the guides helper (src/shared/guides, in progress); until
 * it lands, this table names the guides the readiness model refers to, with the Microsoft page
 * each one starts from. When the guide data exists, replace the table with a lookup into it.
 */
type GuideLink = { title: string; deepLink: string | null };

const fallback: Record<string, GuideLink> = {
  'create-app-password': { title: 'Create an app password', deepLink: 'https://mysignins.microsoft.com/security-info' },
  'enable-mfa': {
    title: 'Enable and enforce per-user MFA',
    deepLink: 'https://entra.microsoft.com/#view/Microsoft_AAD_UsersAndTenants/UserManagementMenuBlade/~/AllUsers',
  },
  'allow-app-passwords': {
    title: 'Allow users to create app passwords',
    deepLink: 'https://account.activedirectory.windowsazure.com/UserManagement/MfaSettings.aspx',
  },
  'disable-mfa': {
    title: 'Disable per-user MFA',
    deepLink: 'https://entra.microsoft.com/#view/Microsoft_AAD_UsersAndTenants/UserManagementMenuBlade/~/AllUsers',
  },
  'disable-security-defaults': {
    title: 'Disable security defaults',
    deepLink: 'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/TenantOverview.ReactView',
  },
  'enable-smtp-auth-mailbox': {
    title: 'Enable Authenticated SMTP for a mailbox',
    deepLink: 'https://admin.microsoft.com/#/users',
  },
  'enable-smtp-auth-org': {
    title: 'Enable Authenticated SMTP for the organisation',
    deepLink: 'https://admin.exchange.microsoft.com/#/settings',
  },
  'delete-app-passwords': { title: "Delete a user's app passwords", deepLink: 'https://mysignins.microsoft.com/security-info' },
  'use-app-password': { title: 'Use an app password in Outlook and in a backup tool', deepLink: null },
  'troubleshoot-app-password': { title: 'Troubleshoot an app password that does not work', deepLink: null },
  'oauth-route': {
    title: 'Use OAuth (XOAUTH2) instead of a password',
    deepLink: 'https://learn.microsoft.com/exchange/client-developers/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth',
  },
};

const humanise = (id: string): string => {
  const words = id.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export function guideLink(id: string): GuideLink {
  return fallback[id] ?? { title: humanise(id), deepLink: null };
}

/** Where the user creates an app password (Security info), for the App password screen. */
export const securityInfoUrl = 'https://mysignins.microsoft.com/security-info';
