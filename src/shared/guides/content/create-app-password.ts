import type { Guide } from '../types';
import { links, sources } from './links';

export const createAppPassword: Guide = {
  id: 'create-app-password',
  title: 'Create an app password',
  audience: 'user',
  summary:
    'An app password is a separate, randomly generated password that lets a tool which cannot do MFA sign in to your mailbox. You create it yourself on the Security info page; it is shown only once.',
  prerequisites: [
    'Your admin has turned on per-user MFA for your account (enabled or enforced). App passwords do not exist with security defaults or with Conditional Access MFA alone.',
    'Your admin allows users to create app passwords (MFA service settings).',
    'You have finished setting up MFA: at least one method such as Microsoft Authenticator or a phone number.',
  ],
  warnings: [
    'An app password is Basic authentication. Microsoft switches Basic authentication for SMTP off by default at the end of December 2026; if your tool supports OAuth, prefer it (guide “Use OAuth instead of an app password”).',
    'Anyone holding the app password can read and send your mail without MFA. Give each tool its own, never reuse it, and keep it only in a password store such as this app’s keychain entry.',
  ],
  lowersSecurity: false,
  formerly:
    'Older articles send you to My Account > Security & privacy > Additional security verification > “Create and manage app passwords”, or to the gear icon > “Update contact preferences”. Those pages have been replaced by My Sign-Ins > Security info.',
  steps: [
    {
      text: 'Open the Security info page of My Sign-Ins and sign in with your work account. Complete the MFA prompt if asked.',
      note: 'From Outlook on the web or office.com you can also get there with your picture (top right) > View account > Security info.',
      link: links.securityInfo,
    },
    {
      text: 'Select “Add sign-in method”.',
      note: 'If you are asked to finish setting up MFA first, do that, then come back to this page.',
      illustration: 'security-info-add-method',
    },
    {
      text: 'In the list of methods choose “App password”, then select “Add”.',
      note: 'If “App password” is not in the list, per-user MFA is off for you or your admin does not allow app passwords: ask your admin (guides “Enable and enforce per-user MFA” and “Allow users to create app passwords”).',
      illustration: 'add-method-app-password',
    },
    {
      text: 'Type a name that says which tool and device will use it, for example “Backup tool - laptop”, then select “Next”.',
      note: 'The name must be at least 8 characters long. It helps you find and delete this password later.',
    },
    {
      text: 'Copy the password that is shown and paste it straight into this app (or your tool). Then select “Done”.',
      note: 'The password is shown only once. If you lose it, delete it and create a new one. It is usually shown as 16 letters, sometimes in groups with spaces: spaces do not matter.',
      illustration: 'app-password-shown-once',
    },
    {
      text: 'Store it in this app and run the test login to prove that the mail server accepts it.',
    },
  ],
  related: ['use-app-password', 'troubleshoot-app-password', 'oauth-route', 'delete-app-passwords'],
  sources: [sources.appPasswords],
};
