import { box, highlight, palette, text, type Drawing } from './svg-kit';

const arrow = (x1: number, y: number, x2: number, label: string): string =>
  `<line x1="${x1}" y1="${y}" x2="${x2 - 8}" y2="${y}" stroke="${palette.text}" stroke-width="1.5"/>` +
  `<path d="M${x2 - 8} ${y - 5} L${x2} ${y} L${x2 - 8} ${y + 5} z" fill="${palette.text}"/>` +
  text((x1 + x2) / 2, y - 8, label, { anchor: 'middle', size: 11, color: palette.muted });

/** The OAuth route: the tool gets a token from Microsoft sign-in and logs in to SMTP with it. */
export const oauthFlow: Drawing = {
  width: 560,
  height: 200,
  body:
    box(10, 60, 140, 70, { fill: '#f5f5f5' }) +
    text(80, 90, 'Your backup tool', { anchor: 'middle', bold: true }) +
    text(80, 110, '(supports OAuth)', { anchor: 'middle', size: 11, color: palette.muted }) +
    box(210, 10, 150, 60, { fill: '#e0ebf6' }) +
    text(285, 36, 'Microsoft sign-in', { anchor: 'middle', bold: true }) +
    text(285, 54, 'password + MFA', { anchor: 'middle', size: 11, color: palette.muted }) +
    box(210, 120, 150, 60, { fill: '#e0ebf6' }) +
    text(285, 146, 'smtp.office365.com', { anchor: 'middle', bold: true }) +
    text(285, 164, 'port 587, STARTTLS', { anchor: 'middle', size: 11, color: palette.muted }) +
    `<path d="M150 75 L210 45" stroke="${palette.text}" stroke-width="1.5" fill="none"/>` +
    text(150, 52, '1 sign in', { size: 11, color: palette.muted }) +
    `<path d="M285 70 L285 120" stroke="${palette.text}" stroke-width="1.5" stroke-dasharray="4 3" fill="none"/>` +
    text(292, 100, '2 access token', { size: 11, color: palette.muted }) +
    `<path d="M150 115 L210 150" stroke="${palette.text}" stroke-width="1.5" fill="none"/>` +
    text(56, 152, '3 AUTH XOAUTH2', { size: 11, color: palette.muted }) +
    highlight(210, 120, 150, 60) +
    box(400, 60, 150, 70, { fill: '#dff6dd', stroke: '#107c10' }) +
    text(475, 88, 'No app password', { anchor: 'middle', bold: true }) +
    text(475, 106, 'works after Basic', { anchor: 'middle', size: 11 }) +
    text(475, 120, 'auth retirement', { anchor: 'middle', size: 11 }) +
    arrow(360, 150, 400, ''),
};

/** The settings a backup or migration tool asks for, with the password field marked. */
export const toolSmtpSettings: Drawing = {
  width: 460,
  height: 230,
  body:
    box(1, 1, 458, 228, { radius: 8 }) +
    text(20, 32, 'Account settings (your tool)', { size: 15, bold: true }) +
    text(20, 64, 'Server') + box(150, 50, 280, 22) + text(158, 65, 'smtp.office365.com') +
    text(20, 94, 'Port') + box(150, 80, 80, 22) + text(158, 95, '587') +
    text(20, 124, 'Encryption') + box(150, 110, 140, 22) + text(158, 125, 'STARTTLS') +
    text(20, 154, 'User name') + box(150, 140, 280, 22) + text(158, 155, 'alex@contoso.example') +
    text(20, 184, 'Password') + box(150, 170, 280, 22) + text(158, 185, '••••••••••••••••') +
    highlight(150, 170, 280, 22, 1) +
    text(150, 214, 'Paste the app password here, not your account password.', { size: 11, color: palette.muted }),
};
