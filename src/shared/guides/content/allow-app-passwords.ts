import type { Guide } from '../types';
import { links, sources } from './links';

export const allowAppPasswords: Guide = {
  id: 'allow-app-passwords',
  title: 'Allow users to create app passwords',
  audience: 'admin',
  summary:
    'A tenant-wide switch in the per-user MFA service settings. Until it is on, users with per-user MFA do not see “App password” when they add a sign-in method.',
  prerequisites: [
    'An admin account with at least the Authentication Policy Administrator role (a Global Administrator also can).',
    'Per-user MFA is enabled or enforced for the users who need an app password (guide “Enable and enforce per-user MFA”).',
  ],
  warnings: [
    'This lowers security: an app password signs in without MFA, so a stolen one gives access to the mailbox until it is deleted. The safer route is OAuth, which keeps MFA for every sign-in and needs no app password: try guide “Use OAuth instead of an app password” first.',
    'The switch applies to every user with per-user MFA, not just one. Turning it off later does not remove app passwords that already exist (guide “Delete a user’s app passwords”).',
  ],
  lowersSecurity: true,
  saferAlternative: 'oauth-route',
  formerly:
    'Older articles reach this page from the Microsoft 365 admin center > Active users > More > “Multifactor authentication setup” > “service settings” tab (lowercase, easy to miss), or from the Azure portal’s MFA settings.',
  steps: [
    {
      text: 'Open the per-user MFA page: Microsoft Entra admin center > Users > All users > “Per-user MFA”.',
      link: links.entraAllUsers,
    },
    {
      text: 'Select the “Service settings” tab at the top of the page.',
      note: 'The service settings page can also be opened directly with the button.',
      link: links.mfaServiceSettings,
    },
    {
      text: 'Under “App passwords”, choose “Allow users to create app passwords to sign in to non-browser apps”.',
      illustration: 'mfa-service-settings',
    },
    {
      text: 'Select “Save”, then tell the user to try again: “App password” now appears under “Add sign-in method”.',
      note: 'Leave the other options on the page as they are unless you mean to change them.',
    },
  ],
  related: ['enable-per-user-mfa', 'create-app-password', 'delete-app-passwords', 'oauth-route'],
  sources: [sources.appPasswords],
};
