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
      text: 'If the tool has no OAuth option, ask its vendor when it will: app passwords stop working by default at the end of December 2026. Until then, follow guide “Create an app password”.',
      link: links.oauthDocs,
    },
  ],
  related: ['enable-smtp-auth', 'create-app-password', 'troubleshoot-app-password'],
  sources: [sources.oauth, sources.basicAuthDeprecation, sources.smtpSubmission],
};
