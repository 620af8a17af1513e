import { box, browserWindow, button, checkbox, highlight, palette, radio, text, type Drawing } from './svg-kit';

/** The per-user MFA page: user list, and the Enable / Disable / Enforce actions. */
export const perUserMfaPage: Drawing = {
  width: 560,
  height: 250,
  body: browserWindow(
    560,
    250,
    'entra.microsoft.com  ›  Users  ›  Per-user multifactor authentication',
    text(16, 68, 'Per-user multifactor authentication', { size: 16, bold: true }) +
      text(16, 92, 'Users', { bold: true, color: palette.accent }) +
      `<line x1="16" y1="97" x2="50" y2="97" stroke="${palette.accent}" stroke-width="2"/>` +
      text(70, 92, 'Service settings', { color: palette.muted }) +
      button(16, 106, 90, 'Enable MFA') +
      button(112, 106, 90, 'Disable MFA') +
      button(208, 106, 90, 'Enforce MFA') +
      button(304, 106, 120, 'User MFA settings') +
      highlight(16, 106, 282, 24, 1) +
      box(16, 142, 528, 24, { fill: palette.chrome, radius: 0 }) +
      text(46, 158, 'Display name', { bold: true }) +
      text(250, 158, 'User principal name', { bold: true }) +
      text(450, 158, 'MFA status', { bold: true }) +
      checkbox(24, 174, '', true) +
      text(46, 186, 'Alex Example') +
      text(250, 186, 'alex@contoso.example') +
      text(450, 186, 'Disabled') +
      checkbox(24, 200, '', false) +
      text(46, 212, 'Sam Sample') +
      text(250, 212, 'sam@contoso.example') +
      text(450, 212, 'Enforced'),
  ),
};

/** Per-user MFA > Service settings, "Allow users to create app passwords" marked. */
export const mfaServiceSettings: Drawing = {
  width: 560,
  height: 220,
  body: browserWindow(
    560,
    220,
    'Per-user multifactor authentication  ›  Service settings',
    text(16, 72, 'Users', { color: palette.muted }) +
      text(60, 72, 'Service settings', { bold: true, color: palette.accent }) +
      `<line x1="60" y1="77" x2="156" y2="77" stroke="${palette.accent}" stroke-width="2"/>` +
      text(16, 104, 'App passwords', { bold: true }) +
      radio(16, 114, 'Allow users to create app passwords to sign in to non-browser apps', true) +
      highlight(16, 114, 430, 14, 2) +
      radio(16, 140, 'Do not allow users to create app passwords to sign in to non-browser apps', false) +
      button(16, 180, 70, 'Save', true),
  ),
};

/** Entra admin center > Overview > Properties > Manage security defaults. */
export const securityDefaultsPanel: Drawing = {
  width: 560,
  height: 250,
  body: browserWindow(
    560,
    250,
    'entra.microsoft.com  ›  Overview  ›  Properties',
    text(16, 68, 'Properties', { size: 16, bold: true }) +
      text(16, 96, 'Manage security defaults', { color: palette.accent }) +
      highlight(16, 84, 150, 16, 1) +
      box(300, 44, 258, 204, { fill: palette.page, radius: 0 }) +
      text(312, 68, 'Security defaults', { size: 14, bold: true }) +
      box(312, 82, 230, 24) +
      text(320, 98, 'Disabled (not recommended)') +
      highlight(312, 82, 230, 24, 2) +
      text(312, 126, 'Reason for disabling:', { color: palette.muted, size: 11 }) +
      radio(312, 134, 'My organization is using ...', true) +
      button(312, 206, 70, 'Save', true),
  ),
};
