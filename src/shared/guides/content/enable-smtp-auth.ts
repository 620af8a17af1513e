import type { Guide } from '../types';
import { links, sources } from './links';

export const enableSmtpAuth: Guide = {
  id: 'enable-smtp-auth',
  title: 'Enable Authenticated SMTP for a mailbox (or the organisation)',
  audience: 'admin',
  summary:
    'A tool that sends or tests mail through smtp.office365.com needs SMTP AUTH allowed for the mailbox, with an app password and with OAuth alike. Tenants created since 2020 have it off for the organisation; the mailbox setting wins over the organisation’s.',
  prerequisites: [
    'An admin account with the Exchange Administrator role (a Global Administrator also can).',
    'The test login in this app answered “SmtpClientAuthentication is disabled for the Mailbox” or “... for the Tenant”, or your tool reports the same.',
  ],
  warnings: [
    'Prefer turning it on for the one mailbox that needs it: switching it on for the whole organisation opens every mailbox to password-guessing over SMTP.',
    'With security defaults on, Basic authentication over SMTP stays blocked whatever these settings say; OAuth still works (guide “Use OAuth instead of an app password”).',
    'Changes can take up to an hour to reach the mail servers. Wait before testing again.',
    'From the end of December 2026 Microsoft switches Basic authentication for SMTP AUTH off by default for existing tenants: an app password then works only where an admin has turned Basic authentication for SMTP AUTH back on; OAuth is not affected. The readiness check says so before anyone creates an app password.',
  ],
  lowersSecurity: false,
  formerly:
    'Older articles reach the same check box via the Microsoft 365 admin center > Users > Active users > user > Mail > “Email apps” > “Manage email apps”. The organisation-wide switch used to be only in PowerShell.',
  steps: [
    {
      text: 'For one mailbox: sign in to the Microsoft 365 admin center and go to Users > Active users.',
      link: links.activeUsers,
    },
    {
      text: 'Select the user’s name, open the “Mail” tab, and select “Manage email apps”.',
    },
    {
      text: 'Tick “Authenticated SMTP” and select “Save changes”.',
      note: 'PowerShell equivalent: Set-CASMailbox -Identity user@contoso.com -SmtpClientAuthenticationDisabled $false (the value $null makes the mailbox follow the organisation again).',
      illustration: 'authenticated-smtp-checkbox',
    },
    {
      text: 'Only if every mailbox should allow it: in the Exchange admin center go to Settings > Mail flow.',
      link: links.exchangeSettings,
    },
    {
      text: 'Untick “Turn off SMTP AUTH protocol for your organization” and select “Save”.',
      note: 'PowerShell equivalent: Set-TransportConfig -SmtpClientAuthenticationDisabled $false.',
      illustration: 'exchange-smtp-auth-org',
    },
    {
      text: 'After a few minutes (up to an hour), run the test login in this app again.',
    },
  ],
  related: ['troubleshoot-app-password', 'oauth-route', 'use-app-password'],
  sources: [sources.smtpSubmission],
};
