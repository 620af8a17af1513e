import type { Guide } from '../types';
import { links, sources } from './links';

export const disablePerUserMfa: Guide = {
  id: 'disable-per-user-mfa',
  title: 'Disable per-user MFA for a user',
  audience: 'admin',
  summary:
    'Turns legacy per-user MFA off for chosen users. Some backup tools’ instructions ask for this; it is almost never needed, because an app password or OAuth lets a tool sign in while MFA stays on.',
  prerequisites: [
    'An admin account with at least the Authentication Policy Administrator role (a Global Administrator also can).',
    'You have checked that neither OAuth nor an app password works for this tool.',
  ],
  warnings: [
    'This lowers security: the account is then protected by its password alone, unless Conditional Access or security defaults require MFA. Try the safer route first: OAuth keeps MFA on and needs no app password (guide “Use OAuth instead of an app password”); failing that, keep MFA on and create an app password (guide “Create an app password”).',
    'Disabling per-user MFA also makes the user’s existing app passwords useless: a tool that used one stops working.',
  ],
  lowersSecurity: true,
  saferAlternative: 'oauth-route',
  formerly:
    'Older articles start in the Microsoft 365 admin center > Users > Active users > “Multi-factor authentication”, then “Disable” under “quick steps”. It is the same per-user MFA page, now reached from the Entra admin center.',
  steps: [
    {
      text: 'Sign in to the Microsoft Entra admin center and go to Users > All users, then select “Per-user MFA”.',
      link: links.entraAllUsers,
    },
    {
      text: 'Tick the user, select “Disable MFA” and confirm with “Yes”.',
      illustration: 'per-user-mfa-page',
    },
    {
      text: 'Check the user’s MFA status now reads Disabled, and protect the account another way (a Conditional Access policy that requires MFA for browser sign-ins).',
    },
    {
      text: 'Write down why and until when, and turn MFA back on (guide “Enable and enforce per-user MFA”) as soon as the tool allows.',
    },
  ],
  related: ['oauth-route', 'create-app-password', 'enable-per-user-mfa'],
  sources: [sources.perUserMfa, sources.appPasswords],
};
