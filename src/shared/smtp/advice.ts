import type { GuideId } from '../readiness/guide-ids';
import type { SmtpCause, SmtpMethod } from './result';

/** What the user reads for a cause: what happened, what to do, and the guide that helps. */
export type Advice = { advice: string; guide?: GuideId };

const routeName = (method: SmtpMethod) => (method === 'oauth' ? 'OAuth (XOAUTH2)' : 'the app password');

const adviceByCause: Record<SmtpCause, (method: SmtpMethod) => Advice> = {
  ok: (method) => ({
    advice: `The server accepted the sign-in with ${routeName(method)}. The backup tool can log in the same way. No mail was sent.`,
  }),
  'bad-credentials': () => ({
    advice:
      'The server did not accept the user name or the app password. Check that the address is your full sign-in name, paste the app password again, or create a new one (it is shown only once).',
    guide: 'create-app-password',
  }),
  'smtp-auth-disabled-tenant': () => ({
    advice:
      'SMTP AUTH is turned off for your whole organisation. An admin can turn on "Authenticated SMTP" for this mailbox (Microsoft 365 admin center: Users > Active users > the user > Mail > Manage email apps), which wins over the organisation setting.',
    guide: 'enable-smtp-auth',
  }),
  'smtp-auth-disabled-mailbox': () => ({
    advice:
      'SMTP AUTH is turned off for this mailbox. An admin can turn on "Authenticated SMTP" in the Microsoft 365 admin center: Users > Active users > the user > Mail > Manage email apps.',
    guide: 'enable-smtp-auth',
  }),
  'basic-auth-disabled': () => ({
    advice:
      'Basic authentication, which app passwords rely on, is blocked for this account (an authentication policy, security defaults, or Microsoft retiring it). Use the OAuth route instead.',
    guide: 'oauth-route',
  }),
  'basic-auth-retired': () => ({
    advice:
      'Microsoft no longer accepts Basic authentication (and so app passwords) for sending mail from this organisation. Use the OAuth route, which keeps working.',
    guide: 'oauth-route',
  }),
  'security-defaults': () => ({
    advice:
      "Your organisation's security defaults block sign-ins with app passwords. Use the OAuth route; only an admin could change this, by replacing security defaults with per-user MFA.",
    guide: 'oauth-route',
  }),
  'conditional-access': () => ({
    advice:
      "A Conditional Access or MFA policy in your organisation blocked this sign-in. Use the OAuth route, or ask your admin whether the policy can allow it.",
    guide: 'oauth-route',
  }),
  'oauth-token-rejected': () => ({
    advice:
      'The server refused the access token. This usually means it was issued for the wrong audience or without the SMTP.Send permission (https://outlook.office.com/SMTP.Send). Sign in again; if it keeps happening, the app registration needs that permission.',
    guide: 'oauth-route',
  }),
  'mechanism-unsupported': (method) => ({
    advice: `The server does not accept ${method === 'oauth' ? 'XOAUTH2' : 'AUTH LOGIN'} sign-ins. Check the server name and port: Microsoft 365 uses smtp.office365.com, port 587.`,
    guide: 'troubleshoot-app-password',
  }),
  'starttls-unavailable': () => ({
    advice:
      'The server did not set up an encrypted connection (STARTTLS with TLS 1.2 or later), so the credentials were not sent. Check the server name and port (smtp.office365.com, 587). If they are right, something on this network may be stripping encryption: try another network.',
  }),
  'tls-untrusted': () => ({
    advice:
      "The server's certificate could not be trusted, so the credentials were not sent. Check the server name. If your organisation inspects encrypted traffic, ask IT for its certificate authority file and configure it as the extra CA.",
  }),
  timeout: () => ({
    advice:
      'The server did not answer in time. Check your internet connection, and whether a firewall or your provider blocks outgoing connections to port 587, then try again.',
  }),
  'connection-refused': () => ({
    advice:
      'The server refused the connection (or could not be reached). Check the server name and port (smtp.office365.com, 587), and whether a firewall blocks outgoing port 587.',
  }),
  dns: () => ({
    advice: 'The server name could not be found. Check the spelling of the server name (smtp.office365.com) and your internet connection.',
  }),
  'connection-lost': () => ({
    advice: 'The connection was closed before the sign-in finished. Try again; if it keeps happening, a firewall or proxy may be interrupting mail connections.',
  }),
  unknown: () => ({
    advice: 'The server answered in a way this app does not recognise. The transcript below shows the exchange; the troubleshooting guide lists what to check.',
    guide: 'troubleshoot-app-password',
  }),
};

export function adviceFor(cause: SmtpCause, method: SmtpMethod): Advice {
  return adviceByCause[cause](method);
}
