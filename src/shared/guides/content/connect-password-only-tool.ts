import type { Guide } from '../types';
import { links, sources } from './links';

/** The bridge: for tools that only know server, user name and password. */
export const connectPasswordOnlyTool: Guide = {
  id: 'connect-password-only-tool',
  title: 'Connect a tool that only takes a password',
  audience: 'user',
  summary:
    'Many backup and migration tools only ask for a server, a user name and a password. Microsoft 365 no longer accepts a plain password for IMAP, and Basic authentication for SMTP is being switched off. The bridge in m365-connect runs on your computer: the tool logs in to it with a bridge password, and the bridge signs in to Microsoft 365 with OAuth for it.',
  prerequisites: [
    'm365-connect installed on the computer the tool runs on (the bridge only listens on this computer, 127.0.0.1).',
    'You are signed in to m365-connect with the account the tool backs up.',
    'SMTP AUTH allowed for your mailbox if the tool sends mail; OAuth needs it too (guide “Enable Authenticated SMTP for a mailbox (or the organisation)”).',
  ],
  warnings: [
    'Keep m365-connect running while the tool works: with the bridge on, closing the window keeps the app in the system tray. Turn on “Start at login” so it is there after a restart.',
  ],
  lowersSecurity: false,
  steps: [
    {
      text: 'In m365-connect, choose “My tool only takes a password” on the Account check screen, then run the OAuth test login: it proves your mailbox accepts OAuth.',
      illustration: 'oauth-flow',
    },
    {
      text: 'Start the bridge. The app logs in through it itself, exactly as your tool will, and shows whether SMTP and IMAP work.',
    },
    {
      text: 'Enter the settings from the Done screen in your tool. The ports below are the defaults; your organisation may set others, and the Done screen always shows the ones in use.',
      table: {
        caption: 'Settings for your tool',
        rows: [
          ['Server (SMTP and IMAP)', '127.0.0.1'],
          ['SMTP port', '1587'],
          ['IMAP port', '1143'],
          ['Encryption', 'None (the connection never leaves this computer), or STARTTLS if your tool insists: the bridge offers it with its own certificate'],
          ['User name', 'Your full email address, the one you signed in with'],
          ['Password', 'The bridge password from the Done screen (Show or Copy), not your Microsoft 365 password'],
        ],
      },
      note: 'The bridge password only works on this computer. The command line shows it too: m365-connect bridge password --user <your address>.',
    },
    {
      text: 'Run the tool’s own connection test. If it fails, the tool shows the bridge’s reply: find it below.',
    },
    {
      text: 'Reply “535 5.7.8 Wrong user name or bridge password” (IMAP: “NO [AUTHENTICATIONFAILED] Wrong user name…”): type the user name as your full email address and copy the bridge password again from the Done screen.',
    },
    {
      text: 'Reply “535 5.7.8 … (AADSTS700082)”, “… (AADSTS50173)”, “… (AADSTS70043)” or “… is not signed in”: your saved sign-in stopped working (unused for 90 days, revoked, password changed, or your organisation asks you to sign in again). Click “Sign in again” in m365-connect; the bridge carries on without a restart.',
      note: 'm365-connect also shows a notification and a warning in the tray when this happens.',
    },
    {
      text: 'Reply “535 5.7.8 … SMTP AUTH turned off … (535 5.7.139)”: your admin must enable Authenticated SMTP for your mailbox (guide “Enable Authenticated SMTP for a mailbox (or the organisation)”).',
      link: links.smtpSubmissionDocs,
    },
    {
      text: 'Reply “… Conditional Access … (AADSTS53003)” or “… no permission … (AADSTS65001)”: ask your admin which policy blocks the sign-in, or to grant consent for m365-connect.',
    },
    {
      text: 'Reply “454 4.7.0 …” (IMAP: “NO [UNAVAILABLE] …”): Microsoft 365 could not be reached or the keychain was locked. Check the network or unlock the keychain; the tool’s next retry works on its own.',
    },
  ],
  related: ['oauth-route', 'enable-smtp-auth', 'troubleshoot-app-password'],
  sources: [sources.oauth, sources.smtpSubmission, sources.basicAuthDeprecation],
};
