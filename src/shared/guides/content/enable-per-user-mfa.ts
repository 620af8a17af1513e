import type { Guide } from '../types';
import { links, sources } from './links';

export const enablePerUserMfa: Guide = {
  id: 'enable-per-user-mfa',
  title: 'Enable and enforce per-user MFA',
  audience: 'admin',
  summary:
    'Turns on legacy per-user multifactor authentication for chosen users. App passwords exist only for users whose per-user MFA state is Enabled or Enforced.',
  prerequisites: [
    'An admin account with at least the Authentication Policy Administrator role (a Global Administrator also can).',
    'Security defaults are off for the tenant. While they are on, app passwords cannot exist (guide “Turn off security defaults”).',
    'The users have a phone or the Microsoft Authenticator app to register as their second method.',
  ],
  warnings: [
    'Microsoft recommends Conditional Access rather than per-user MFA for new set-ups. Use per-user MFA only for the users who really need app passwords, and plan the move to OAuth (guide “Use OAuth instead of an app password”).',
    'If Conditional Access policies already require MFA for these users, enabling per-user MFA as well can prompt them twice. Check your policies first.',
  ],
  lowersSecurity: false,
  formerly:
    'Older articles start in the Microsoft 365 admin center > Users > Active users > “Multi-factor authentication” (or the Azure portal), which opened the same per-user MFA page with “Enable” and “Enforce” links under “quick steps”.',
  steps: [
    {
      text: 'Sign in to the Microsoft Entra admin center and go to Users > All users.',
      link: links.entraAllUsers,
    },
    {
      text: 'Select “Per-user MFA” in the toolbar above the list of users.',
      note: 'The page can also be opened directly with the second button.',
      link: links.perUserMfaLegacy,
    },
    {
      text: 'Tick the user (or users) who need an app password, then select “Enable MFA” and confirm.',
      note: 'Their status changes to Enabled. At their next sign-in they are asked to register MFA methods.',
      illustration: 'per-user-mfa-page',
    },
    {
      text: 'Ask each user to sign in and complete the MFA registration (“More information required” > Next), or to open the MFA set-up page.',
      link: links.mfaRegistration,
    },
    {
      text: 'Once the user has registered a method, come back, tick the user again and select “Enforce MFA”, then confirm.',
      note: 'Enforced means MFA is required for every browser sign-in; non-browser tools then need an app password (or OAuth).',
    },
    {
      text: 'Make sure users may create app passwords (guide “Allow users to create app passwords”), then tell the user they can create one.',
    },
  ],
  related: ['allow-app-passwords', 'create-app-password', 'disable-security-defaults', 'oauth-route'],
  sources: [sources.perUserMfa, sources.appPasswords],
};
