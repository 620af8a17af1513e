import { mfaServiceSettings, perUserMfaPage, securityDefaultsPanel } from './admin-mfa-screens';
import { authenticatedSmtpCheckbox, exchangeSmtpAuthOrg } from './admin-mail-screens';
import { oauthFlow, toolSmtpSettings } from './concept-diagrams';
import type { IllustrationId } from './ids';
import { svgDocument, type Drawing } from './svg-kit';
import { addMethodAppPassword, appPasswordShownOnce, securityInfoAddMethod } from './user-screens';

export { illustrationIds, type IllustrationId } from './ids';

type Illustration = { title: string; description: string; drawing: Drawing };

const illustrations: Record<IllustrationId, Illustration> = {
  'security-info-add-method': {
    title: 'The Security info page',
    description: 'My Sign-Ins, Security info: the "Add sign-in method" link above the list of methods is marked 1.',
    drawing: securityInfoAddMethod,
  },
  'add-method-app-password': {
    title: 'Choosing "App password"',
    description: 'The "Add a sign-in method" dialog with "App password" selected in the list (marked 2), then the Add button.',
    drawing: addMethodAppPassword,
  },
  'app-password-shown-once': {
    title: 'The new app password, shown once',
    description: 'The dialog showing the app password in groups of four letters with a Copy button (marked 3), then Done.',
    drawing: appPasswordShownOnce,
  },
  'per-user-mfa-page': {
    title: 'The per-user multifactor authentication page',
    description: 'A list of users with their MFA status; one user is ticked, and the Enable MFA, Disable MFA and Enforce MFA buttons above the list are marked 1.',
    drawing: perUserMfaPage,
  },
  'mfa-service-settings': {
    title: 'Per-user MFA service settings',
    description: 'The Service settings tab with the option "Allow users to create app passwords to sign in to non-browser apps" selected (marked 2), and Save.',
    drawing: mfaServiceSettings,
  },
  'security-defaults-panel': {
    title: 'Managing security defaults',
    description: 'The tenant Properties page: "Manage security defaults" (marked 1) opens a panel where Security defaults is set to "Disabled (not recommended)" (marked 2), a reason is chosen, then Save.',
    drawing: securityDefaultsPanel,
  },
  'authenticated-smtp-checkbox': {
    title: 'Manage email apps for one user',
    description: 'The list of email apps for a user, with "Authenticated SMTP" ticked (marked 1), then Save changes.',
    drawing: authenticatedSmtpCheckbox,
  },
  'exchange-smtp-auth-org': {
    title: 'Mail flow settings for the organisation',
    description: 'The Exchange admin center mail flow settings with "Turn off SMTP AUTH protocol for your organization" unticked (marked 1), then Save.',
    drawing: exchangeSmtpAuthOrg,
  },
  'oauth-flow': {
    title: 'How the OAuth route works',
    description: 'The tool signs the user in with Microsoft (password and MFA), receives an access token, and logs in to smtp.office365.com on port 587 with AUTH XOAUTH2. No app password is involved.',
    drawing: oauthFlow,
  },
  'tool-smtp-settings': {
    title: "A backup tool's mail settings",
    description: 'Server smtp.office365.com, port 587, encryption STARTTLS, user name the full email address, and the password field (marked 1) where the app password goes.',
    drawing: toolSmtpSettings,
  },
};

export function illustrationTitle(id: IllustrationId): string {
  return illustrations[id].title;
}

export function illustrationDescription(id: IllustrationId): string {
  return illustrations[id].description;
}

/**
 * The illustration as inline SVG markup. `instanceId` keeps the title/desc ids unique when the
 * same picture appears twice in one document (e.g. a binder).
 */
export function illustrationSvg(id: IllustrationId, instanceId: string = `ill-${id}`): string {
  const { title, description, drawing } = illustrations[id];
  return svgDocument(instanceId, title, description, drawing);
}
