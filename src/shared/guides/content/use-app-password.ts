import type { Guide } from '../types';
import { sources } from './links';

export const useAppPassword: Guide = {
  id: 'use-app-password',
  title: 'Use an app password in Outlook and in a backup tool',
  audience: 'user',
  summary:
    'Where the app password goes: in place of your normal password, in a tool that cannot do MFA. This app can keep it in your system keychain and prove it works before you hand it to the tool.',
  prerequisites: [
    'You have an app password (guide “Create an app password”).',
    'Your full work email address (user principal name), for example alex@contoso.com.',
  ],
  warnings: [
    'Use the app password only where a tool asks for a password and cannot sign you in with Microsoft. Current Outlook versions (2016 and later, Microsoft 365 apps, Outlook for Mac and mobile) sign in with MFA and need no app password.',
    'An app password is Basic authentication, which Microsoft switches off by default for SMTP at the end of December 2026. If your tool offers “OAuth”, “Modern authentication” or “Sign in with Microsoft”, use that instead.',
  ],
  lowersSecurity: false,
  steps: [
    {
      text: 'In this app: paste the app password on the “App password” screen, store it, and run the test login. A successful test proves the mail server accepts it.',
      note: 'The password is stored in your system keychain (Windows Credential Manager, macOS Keychain or the Secret Service on Linux), never in a plain file.',
    },
    {
      text: 'In a backup or migration tool: enter server smtp.office365.com, port 587, encryption STARTTLS (sometimes called “TLS”), and as user name your full email address.',
      illustration: 'tool-smtp-settings',
    },
    {
      text: 'In the tool’s password field paste the app password, not your normal password. Spaces between groups of letters do not matter, but type no other characters.',
    },
    {
      text: 'Run the tool’s own connection test, if it has one.',
      note: 'If it fails, see guide “Troubleshoot an app password that does not work”.',
    },
    {
      text: 'In an older Outlook (2010 or 2013): when Outlook asks for your password, or when you add the account, paste the app password, tick “Remember my credentials”, and restart Outlook.',
      note: 'You do this once per computer. If Outlook keeps asking, the app password was probably mistyped: create a new one.',
    },
  ],
  related: ['create-app-password', 'troubleshoot-app-password', 'oauth-route'],
  sources: [sources.smtpSubmission, sources.appPasswords],
};
