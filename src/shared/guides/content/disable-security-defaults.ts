import type { Guide } from '../types';
import { links, sources } from './links';

export const disableSecurityDefaults: Guide = {
  id: 'disable-security-defaults',
  title: 'Turn off security defaults',
  audience: 'admin',
  summary:
    'Security defaults require MFA for everyone and block Basic authentication, so app passwords cannot exist while they are on. Turning them off is needed only for the app-password route, and only if you protect accounts another way straight after.',
  prerequisites: [
    'An admin account with at least the Security Administrator role (a Global Administrator also can).',
    'A plan to protect every account once security defaults are off: per-user MFA for the users who need app passwords, or Conditional Access (Microsoft Entra ID P1).',
  ],
  warnings: [
    'This lowers security for the whole organisation: MFA stops being required for every user, and legacy Basic-auth sign-ins are no longer blocked. Try the safer route first: OAuth works with security defaults on and needs no app password (guide “Use OAuth instead of an app password”).',
    'The moment you save, accounts are protected by their password alone until you enable per-user MFA or Conditional Access. Put that protection in place in the same session.',
  ],
  lowersSecurity: true,
  saferAlternative: 'oauth-route',
  formerly:
    'Older articles use the Azure portal > Azure Active Directory > Properties > “Manage Security defaults” and a toggle “Enable Security defaults: No”. Azure Active Directory is now Microsoft Entra ID, and the setting lives in the Entra admin center.',
  steps: [
    {
      text: 'Sign in to the Microsoft Entra admin center and open the Overview page, then the “Properties” tab.',
      link: links.entraOverview,
    },
    {
      text: 'Select “Manage security defaults”.',
      illustration: 'security-defaults-panel',
    },
    {
      text: 'Set “Security defaults” to “Disabled (not recommended)”, choose the reason that fits (for example that you will use per-user MFA or Conditional Access), and select “Save”.',
    },
    {
      text: 'Straight away, enable per-user MFA for the users who need app passwords (guide “Enable and enforce per-user MFA”), or create Conditional Access policies that require MFA.',
    },
    {
      text: 'Run the readiness check again in this app: it should no longer report security defaults as on.',
    },
  ],
  related: ['oauth-route', 'enable-per-user-mfa', 'allow-app-passwords'],
  sources: [sources.securityDefaults, sources.appPasswords],
};
