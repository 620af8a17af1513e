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

/** The material each guide was written from (shared/seeds) and checked against (shared/reference). */
export const sources = {
  reference: (section: string): GuideSource => ({ label: `Microsoft 365 facts reference (shared/reference/microsoft-365.md), “${section}”` }),
  seedOnboarding: { label: 'A backup tool’s onboarding steps (seed 000), checked and rewritten for today’s portals' },
  seedCreate: { label: 'An article on creating Office 365 app passwords (seed 001), checked and rewritten' },
  seedOverview: { label: 'An overview article on app passwords and MFA (seed 002), checked and rewritten' },
  seedSupport: { label: 'Microsoft support steps for app passwords (seed 003), checked and rewritten' },
  seedAllow: { label: 'An article on allowing users to create app passwords (seed 004), checked and rewritten' },
  oauthDocs: { label: 'Microsoft Learn: authenticate an IMAP, POP or SMTP application by using OAuth', url: links.oauthDocs.url },
  smtpDocs: { label: 'Microsoft Learn: authenticated client SMTP submission', url: links.smtpSubmissionDocs.url },
} satisfies Record<string, GuideSource | ((section: string) => GuideSource)>;
