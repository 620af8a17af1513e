import { browserWindow, button, checkbox, highlight, palette, text, type Drawing } from './svg-kit';

/** Microsoft 365 admin center > Active users > user > Mail > Manage email apps. */
export const authenticatedSmtpCheckbox: Drawing = {
  width: 520,
  height: 250,
  body: browserWindow(
    520,
    250,
    'admin.microsoft.com  ›  Active users  ›  Alex Example  ›  Mail',
    text(16, 70, 'Manage email apps', { size: 16, bold: true }) +
      text(16, 92, 'Choose the apps where Alex can access Microsoft 365 email.', { color: palette.muted, size: 11 }) +
      checkbox(16, 104, 'Outlook on the web', true) +
      checkbox(16, 126, 'Outlook desktop (MAPI)', true) +
      checkbox(16, 148, 'IMAP', false) +
      checkbox(16, 170, 'Authenticated SMTP', true) +
      highlight(16, 170, 160, 14, 1) +
      button(16, 206, 110, 'Save changes', true),
  ),
};

/** Exchange admin center > Settings > Mail flow, the organisation-wide SMTP AUTH switch. */
export const exchangeSmtpAuthOrg: Drawing = {
  width: 560,
  height: 210,
  body: browserWindow(
    560,
    210,
    'admin.exchange.microsoft.com  ›  Settings  ›  Mail flow',
    text(16, 70, 'Mail flow settings', { size: 16, bold: true }) +
      text(16, 96, 'Security', { bold: true }) +
      checkbox(16, 108, 'Turn off SMTP AUTH protocol for your organization', false) +
      highlight(16, 108, 330, 14, 1) +
      text(38, 140, 'Unticked = mailboxes may use SMTP AUTH unless their own setting says otherwise.', { color: palette.muted, size: 11 }) +
      button(16, 164, 70, 'Save', true),
  ),
};
