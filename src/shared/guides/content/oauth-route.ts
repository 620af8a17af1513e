import type { Guide } from '../types';
import { links, sources } from './links';

export const oauthRoute: Guide = {
  id: 'oauth-route',
  title: 'Use OAuth instead of an app password',
  audience: 'user',
  summary:
    'With OAuth your tool signs you in with Microsoft (password and MFA) and gets a token; it logs in to the mail server with that token (SMTP XOAUTH2). It needs no app password, works with security defaults and Conditional Access, and keeps working after Microsoft retires Basic authentication.',
  prerequisites: [
    'A tool that supports OAuth for Microsoft 365 mail (often called “Modern authentication”, “OAuth 2.0” or “Sign in with Microsoft”).',
    'SMTP AUTH allowed for your mailbox; OAuth needs it too (guide “Enable Authenticated SMTP for a mailbox (or the organisation)”).',
    'In some organisations an admin must approve (consent to) the tool once.',
  ],
  warnings: [],
  lowersSecurity: false,
  steps: [
    {
      text: 'In this app, run the OAuth test login on the Verify screen. It uses your sign-in and proves the mail server accepts OAuth for your mailbox.',
      illustration: 'oauth-flow',
    },
    {
      text: 'In your tool, choose Microsoft 365 (or Office 365 / Exchange Online) as the account type and the OAuth or “Modern authentication” option instead of a password.',
    },
    {
      text: 'Sign in when the tool opens the Microsoft sign-in page, complete MFA, and accept the permissions it asks for (sending mail as you).',
      note: 'If you see “Need admin approval”, send the tool’s name to your admin: they grant consent once for the organisation.',
    },
    {
      text: 'Keep server smtp.office365.com, port 587 and STARTTLS. The user name is your full email address.',
    },
    {
      text: 'If the tool has no OAuth option and only asks for a server, a user name and a password, use the bridge in m365-connect: follow guide “Connect a tool that only takes a password”. The tool logs in to the bridge on your computer, and the bridge signs in to Microsoft 365 with OAuth for it.',
      note: 'An app password is no way out: it is Basic authentication, which Microsoft switches off for SMTP by default at the end of December 2026 and IMAP no longer accepts at all.',
      link: links.oauthDocs,
    },
  ],
  related: ['connect-password-only-tool', 'enable-smtp-auth', 'create-app-password', 'troubleshoot-app-password'],
  sources: [sources.oauth, sources.basicAuthDeprecation, sources.smtpSubmission],
};
