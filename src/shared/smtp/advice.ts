import type { GuideId } from '../readiness/guide-ids';
import type { SmtpCause, SmtpMethod } from './result';

/** What the user reads for a cause: what happened, what to do, and the guide that helps. */
export type Advice = { advice: string; guide?: GuideId };

/** The server the test login actually used: advice names it, not Microsoft's defaults. */
export type SmtpServerUsed = { host: string; port: number };
export const microsoftSmtpServer: SmtpServerUsed = { host: 'smtp.office365.com', port: 587 };

const routeName = (method: SmtpMethod) => (method === 'oauth' ? 'OAuth (XOAUTH2)' : 'the app password');
const hostAndPort = (server: SmtpServerUsed) => `${server.host}, port ${server.port}`;
/** For a server other than Microsoft's, the reminder of what Microsoft 365 uses. */
const microsoftHint = (server: SmtpServerUsed) =>
  server.host.toLowerCase() === microsoftSmtpServer.host && server.port === microsoftSmtpServer.port
    ? ''
    : ` (Microsoft 365 uses ${hostAndPort(microsoftSmtpServer)})`;

const adviceByCause: Record<SmtpCause, (method: SmtpMethod, server: SmtpServerUsed) => Advice> = {
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
  'mechanism-unsupported': (method, server) => ({
    advice: `The server (${hostAndPort(server)}) does not offer ${method === 'oauth' ? 'XOAUTH2' : 'AUTH LOGIN or AUTH PLAIN'} sign-ins, so nothing was sent. Check that this is the right server and port${microsoftHint(server)}.`,
    guide: 'troubleshoot-app-password',
  }),
  'starttls-unavailable': (_method, server) => ({
    advice: `No encrypted connection (STARTTLS with TLS 1.2 or later) was set up with ${hostAndPort(server)}, so the credentials were not sent. Check the server name and port${microsoftHint(server)}. If they are right, something on this network may be stripping encryption: try another network.`,
  }),
  'tls-untrusted': (_method, server) => ({
    advice: `The credentials were not sent. Check that ${server.host} is the right server. If your organisation inspects encrypted traffic, ask IT for its certificate authority (a PEM file) and trust it: set it as extraCaFile (m365-connect config set extraCaFile FILE), or pass --ca FILE to m365-connect smtp-test for one test.`,
  }),
  timeout: (_method, server) => ({
    advice: `${hostAndPort(server)} did not answer in time. Check your internet connection, and whether a firewall or your provider blocks outgoing connections to port ${server.port}, then try again.`,
  }),
  'connection-refused': (_method, server) => ({
    advice: `${hostAndPort(server)} refused the connection (or could not be reached). Check the server name and port${microsoftHint(server)}, and whether a firewall blocks outgoing port ${server.port}.`,
  }),
  dns: (_method, server) => ({
    advice: `The server name ${server.host} could not be found. Check its spelling${microsoftHint(server)} and your internet connection.`,
  }),
  'connection-lost': () => ({
    advice: 'The connection was closed before the sign-in finished. Try again; if it keeps happening, a firewall or proxy may be interrupting mail connections.',
  }),
  unknown: () => ({
    advice: 'The server answered in a way this app does not recognise. The transcript below shows the exchange; the troubleshooting guide lists what to check.',
    guide: 'troubleshoot-app-password',
  }),
};

export function adviceFor(cause: SmtpCause, method: SmtpMethod, server: SmtpServerUsed = microsoftSmtpServer): Advice {
  return adviceByCause[cause](method, server);
}
