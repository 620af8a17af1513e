import { box, browserWindow, button, highlight, palette, text, type Drawing } from './svg-kit';

/** My Sign-Ins > Security info, with "Add sign-in method" marked. */
export const securityInfoAddMethod: Drawing = {
  width: 520,
  height: 260,
  body: browserWindow(
    520,
    260,
    'mysignins.microsoft.com/security-info',
    box(12, 44, 120, 204, { fill: palette.chrome, radius: 0 }) +
      text(24, 68, 'Overview', { color: palette.muted }) +
      box(16, 78, 112, 22, { fill: '#e0ebf6', stroke: '#e0ebf6' }) +
      text(24, 93, 'Security info', { bold: true, color: palette.accent }) +
      text(24, 118, 'Devices', { color: palette.muted }) +
      text(24, 140, 'Password', { color: palette.muted }) +
      text(148, 72, 'Security info', { size: 18, bold: true }) +
      text(148, 94, 'These are the methods you use to sign in or reset your password.', { color: palette.muted, size: 11 }) +
      text(166, 126, '+ Add sign-in method', { color: palette.accent, bold: true }) +
      highlight(150, 112, 140, 20, 1) +
      box(148, 146, 356, 28) +
      text(158, 165, 'Microsoft Authenticator') +
      text(430, 165, 'Delete', { color: palette.accent }) +
      box(148, 180, 356, 28) +
      text(158, 199, 'Phone   +1 555 0100') +
      text(430, 199, 'Delete', { color: palette.accent }),
  ),
};

/** The "Add a sign-in method" dialog with "App password" chosen. */
export const addMethodAppPassword: Drawing = {
  width: 420,
  height: 230,
  body:
    box(1, 1, 418, 228, { radius: 8 }) +
    text(20, 34, 'Add a sign-in method', { size: 16, bold: true }) +
    text(20, 60, 'Which method would you like to add?', { color: palette.muted }) +
    box(20, 72, 380, 26) +
    text(30, 90, 'Microsoft Authenticator', { color: palette.muted }) +
    box(20, 100, 380, 26) +
    text(30, 118, 'Phone', { color: palette.muted }) +
    box(20, 128, 380, 26, { fill: '#e0ebf6' }) +
    text(30, 146, 'App password', { bold: true }) +
    highlight(20, 128, 380, 26, 2) +
    box(20, 156, 380, 26) +
    text(30, 174, 'Email', { color: palette.muted }) +
    button(230, 194, 80, 'Cancel') +
    button(318, 194, 80, 'Add', true),
};

/** The dialog that shows the new app password once, with its copy button. */
export const appPasswordShownOnce: Drawing = {
  width: 420,
  height: 220,
  body:
    box(1, 1, 418, 218, { radius: 8 }) +
    text(20, 34, 'App password', { size: 16, bold: true }) +
    text(20, 60, 'Copy your password below. It will not be shown again.', { color: palette.muted }) +
    text(20, 90, 'Name', { color: palette.muted, size: 11 }) +
    text(20, 108, 'Backup tool - laptop') +
    text(20, 134, 'Password', { color: palette.muted, size: 11 }) +
    box(20, 142, 300, 28, { fill: palette.chrome }) +
    text(30, 161, 'abcd efgh ijkl mnop', { size: 13 }) +
    button(330, 144, 70, 'Copy') +
    highlight(20, 142, 380, 28, 3) +
    button(318, 184, 80, 'Done', true),
};
