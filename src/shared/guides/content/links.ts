import type { DeepLink, GuideSource } from '../types';

/**
 * The Microsoft pages the guides open, in one place so a moved page is fixed once. Every URL
 * must pass the main process's external-URL allowlist (tests/unit/guides-content.test.ts checks).
 */
export const links = {
  securityInfo: { label: 'Open Security info', url: 'https://mysignins.microsoft.com/security-info' },
  mfaRegistration: { label: 'Open the MFA set-up page', url: 'https://aka.ms/mfasetup' },
  entraAllUsers: {
    label: 'Open All users in the Entra admin center',
    url: 'https://entra.microsoft.com/#view/Microsoft_AAD_UsersAndTenants/UserManagementMenuBlade/~/AllUsers',
  },
  perUserMfaLegacy: {
    label: 'Open the per-user MFA page directly',
    url: 'https://account.activedirectory.windowsazure.com/usermanagement/multifactorverification.aspx',
  },
  mfaServiceSettings: {
    label: 'Open MFA service settings',
    url: 'https://account.activedirectory.windowsazure.com/UserManagement/MfaSettings.aspx',
  },
  entraOverview: {
    label: 'Open the Entra admin center overview',
    url: 'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/TenantOverview.ReactView',
  },
  activeUsers: { label: 'Open Active users', url: 'https://admin.microsoft.com/#/users' },
  exchangeSettings: { label: 'Open Exchange admin center settings', url: 'https://admin.exchange.microsoft.com/#/settings' },
  oauthDocs: {
    label: 'Read Microsoft’s OAuth for SMTP article',
    url: 'https://learn.microsoft.com/exchange/client-developers/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth',
  },
  smtpSubmissionDocs: {
    label: 'Read Microsoft’s SMTP AUTH article',
    url: 'https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission',
  },
} as const satisfies Record<string, DeepLink>;

const learn = (label: string, path: string): GuideSource => ({ label: `Microsoft Learn: ${label}`, url: `https://learn.microsoft.com/${path}` });

const learnPages = {
  appPasswords: learn('Enforce Microsoft Entra multifactor authentication with legacy applications using app passwords', 'entra/identity/authentication/howto-mfa-app-passwords'),
  perUserMfa: learn('Enable per-user Microsoft Entra multifactor authentication to secure sign-in events', 'entra/identity/authentication/howto-mfa-userstates'),
  securityDefaults: learn('Security defaults in Microsoft Entra ID', 'entra/fundamentals/security-defaults'),
  smtpSubmission: learn('Enable or disable authenticated client SMTP submission (SMTP AUTH) in Exchange Online', 'exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission'),
  basicAuthDeprecation: learn('Deprecation of Basic authentication in Exchange Online', 'exchange/clients-and-mobile-in-exchange-online/deprecation-of-basic-authentication-exchange-online'),
  oauth: learn('Authenticate an IMAP, POP or SMTP connection using OAuth', 'exchange/client-developers/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth'),
};

/** The Microsoft pages the guides were checked against, listed under each guide as its sources. */
export const sources = learnPages;
