import type { SmtpCause, SmtpMethod } from './result';

/** A cause in a few words, for one line such as "Last test: refused (…)". The advice says more. */
export const causeLabel: Record<SmtpCause, string> = {
  ok: 'it worked',
  'bad-credentials': 'the user name or app password was not accepted',
  'smtp-auth-disabled-tenant': 'SMTP AUTH is turned off for the organisation',
  'smtp-auth-disabled-mailbox': 'SMTP AUTH is turned off for the mailbox',
  'basic-auth-disabled': 'Basic authentication is blocked',
  'basic-auth-retired': 'Basic authentication is retired for this tenant',
  'security-defaults': 'security defaults block it',
  'conditional-access': 'a Conditional Access policy blocks it',
  'oauth-token-rejected': 'the sign-in token was not accepted',
  'mechanism-unsupported': 'the server does not offer this login method',
  'starttls-unavailable': 'the server did not offer a secure connection',
  'tls-untrusted': 'the server certificate is not trusted',
  timeout: 'the server did not answer in time',
  'connection-refused': 'the server refused the connection',
  dns: 'the server name was not found',
  'connection-lost': 'the connection was lost',
  unknown: 'the server gave an unexpected answer',
};

/** Route names as every screen and the report write them. */
export const routeName: Record<SmtpMethod, string> = { 'app-password': 'App password', oauth: 'OAuth (XOAUTH2)' };
