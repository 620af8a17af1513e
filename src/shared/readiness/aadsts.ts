import type { ErrorCode } from '../ipc/app-error';

/**
 * Entra sign-in and consent errors (AADSTS codes) the app explains, researched in Microsoft's
 * reference, https://learn.microsoft.com/entra/identity-platform/reference-error-codes
 * (Microsoft's own error name is kept in `name`). `admin` says what only an admin can do, for
 * the "Copy a message for your admin" text (admin-message.ts); null = the user can fix it.
 * Data only: src/main/auth/map-auth-error.ts maps MSAL failures with it.
 */
export type AdminNeed =
  /** Grant tenant-wide admin consent: the message carries the generated admin-consent URL. */
  | 'admin-consent'
  /** A Conditional Access policy refused the sign-in: the message names the policies the check read. */
  | 'conditional-access'
  /** Anything else an admin does in Entra; `need` says what. */
  | 'entra-setting';

export type AadstsEntry = {
  name: string;
  code: ErrorCode;
  message: string;
  nextStep: string;
  admin: { kind: AdminNeed; need: string; why: string } | null;
};

export const aadstsReference = 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes';

const consent = (why: string): AadstsEntry['admin'] => ({
  kind: 'admin-consent',
  need: 'grant admin consent for the app (one click on the link below, signed in as a Global Administrator, Cloud Application Administrator or Application Administrator)',
  why,
});

export const aadstsCatalogue: Readonly<Record<string, AadstsEntry>> = {
  '50076': {
    name: 'UserStrongAuthClientAuthNRequired',
    code: 'mfa-required',
    message: 'Your organisation requires multi-factor authentication (MFA) for this sign-in.',
    nextStep: 'Sign in again in the browser and complete the MFA prompt (device-code sign-in also shows it).',
    admin: null,
  },
  '50079': {
    name: 'UserStrongAuthEnrollmentRequired',
    code: 'mfa-required',
    message: 'You must set up multi-factor authentication (MFA) before you can sign in.',
    nextStep: 'Sign in again in the browser and complete the MFA registration it offers, then come back.',
    admin: null,
  },
  '50158': {
    name: 'ExternalSecurityChallenge',
    code: 'mfa-required',
    message: 'Your organisation asks for an extra security check (an external MFA or custom control) that was not completed.',
    nextStep: 'Sign in again and complete every prompt; if it keeps failing, send your admin the message below.',
    admin: {
      kind: 'entra-setting',
      need: 'check the external security challenge (external authentication method or custom control) our Conditional Access asks for',
      why: 'Entra reports that the external security challenge was not satisfied (AADSTS50158) when I sign in to the app.',
    },
  },
  '65001': {
    name: 'DelegationDoesNotExist',
    code: 'consent-required',
    message: 'This app has not been given permission to use your account yet.',
    nextStep: 'Sign in again and accept the permissions, or ask your admin to grant consent for the app (the message below has the link).',
    admin: consent('Nobody has consented to the permissions the app needs (AADSTS65001), and users may not consent on their own here.'),
  },
  '65004': {
    name: 'UserDeclinedConsent',
    code: 'sign-in-cancelled',
    message: 'You declined the permissions the app asked for, so sign-in stopped.',
    nextStep: 'Sign in again and accept the permissions to continue.',
    admin: null,
  },
  '90094': {
    name: 'AdminConsentRequired',
    code: 'consent-required',
    message: 'This app needs an admin to approve its permissions in your organisation.',
    nextStep: 'Ask your admin to grant admin consent for the app (the message below has the link).',
    admin: consent('The app asks for permissions that only an admin can approve (AADSTS90094).'),
  },
  '90095': {
    name: 'AdminConsentRequiredRequestAccess',
    code: 'consent-required',
    message: 'This app needs an admin to approve its permissions; your organisation routes such requests to its admins.',
    nextStep: 'Send the approval request Microsoft offered, or ask your admin directly (the message below has the link).',
    admin: consent('The app asks for permissions that only an admin can approve; our tenant uses the admin consent workflow (AADSTS90095).'),
  },
  '50126': {
    name: 'InvalidUserNameOrPassword',
    code: 'bad-credentials',
    message: 'The user name or password is incorrect.',
    nextStep: 'Check your user name and password and sign in again; if you forgot the password, reset it.',
    admin: null,
  },
  '50034': {
    name: 'UserAccountNotFound',
    code: 'bad-credentials',
    message: 'That user account does not exist in this organisation.',
    nextStep: 'Check the user name (your work email address) and sign in again.',
    admin: null,
  },
  '53003': {
    name: 'BlockedByConditionalAccess',
    code: 'blocked-by-conditional-access',
    message: 'A Conditional Access policy of your organisation blocked this sign-in.',
    nextStep: 'Ask your admin which policy blocked it (the message below names the policies the check could read), or sign in from a compliant device or network.',
    admin: {
      kind: 'conditional-access',
      need: 'look up my blocked sign-in in the Entra sign-in logs (Conditional Access tab) and allow this app, or tell me where to sign in from',
      why: 'A Conditional Access policy blocked the sign-in to the app (AADSTS53003).',
    },
  },
  // Not in the reference table; Entra's own text: "Your device is required to be managed to access
  // this resource" (a device-based Conditional Access grant, like AADSTS53000/53001 which are).
  '530003': {
    name: 'Your device is required to be managed to access this resource',
    code: 'blocked-by-conditional-access',
    message: 'A Conditional Access policy requires a managed (compliant or hybrid-joined) device, and this computer is not one.',
    nextStep: 'Sign in from a managed device, or ask your admin (the message below names the policies the check could read).',
    admin: {
      kind: 'conditional-access',
      need: 'enrol this computer in device management (Intune) or tell me which managed device to use',
      why: 'A Conditional Access policy requires a managed device for the app (AADSTS530003).',
    },
  },
  '700016': {
    name: 'UnauthorizedClient_DoesNotMatchRequest',
    code: 'unknown-client',
    message: 'The app registration (client ID) is not known in your organisation.',
    nextStep: 'Ask IT to check the clientId and tenant settings (config show), or to add the app to your tenant (the message below has the link).',
    admin: consent('The app (client ID below) was not found in our tenant (AADSTS700016): it has not been added or consented to yet.'),
  },
  '7000112': {
    name: 'UnauthorizedClientApplicationDisabled',
    code: 'sign-in-failed',
    message: 'This app is disabled in your organisation.',
    nextStep: 'Ask your admin to enable it (the message below says where).',
    admin: {
      kind: 'entra-setting',
      need: 'enable the app: Entra admin center > Enterprise applications > the app > Properties > "Enabled for users to sign-in?" = Yes',
      why: 'Entra refuses the sign-in because the application is disabled in our tenant (AADSTS7000112).',
    },
  },
  '50011': {
    name: 'InvalidReplyTo',
    code: 'sign-in-failed',
    message: "The app's redirect address is not registered on its app registration.",
    nextStep: 'Ask whoever manages the app registration to add the redirect URI (the message below says which).',
    admin: {
      kind: 'entra-setting',
      need: 'add the redirect URI http://localhost under Authentication > "Mobile and desktop applications" of the app registration',
      why: "The sign-in's reply address does not match the app registration (AADSTS50011).",
    },
  },
  '500011': {
    name: 'InvalidResourceServicePrincipalNotFound',
    code: 'sign-in-failed',
    message: 'A Microsoft service the app needs (such as Exchange Online) is not set up in your organisation.',
    nextStep: 'Check you signed in to the right organisation; otherwise ask your admin (the message below has the details).',
    admin: {
      kind: 'entra-setting',
      need: 'check that Exchange Online is licensed and provisioned in our tenant, and grant the app admin consent',
      why: 'Entra could not find the resource the app asks for in our tenant (AADSTS500011).',
    },
  },
  '700082': {
    name: 'ExpiredOrRevokedGrantInactiveToken',
    code: 'not-signed-in',
    message: 'Your saved sign-in expired because it was not used for a long time.',
    nextStep: 'Sign in again.',
    admin: null,
  },
  '50173': {
    name: 'FreshTokenNeeded',
    code: 'not-signed-in',
    message: 'Your saved sign-in was revoked (for example after a password change or by an admin).',
    nextStep: 'Sign in again.',
    admin: null,
  },
  '70043': {
    name: 'BadTokenDueToSignInFrequency',
    code: 'not-signed-in',
    message: "Your organisation's sign-in frequency policy requires you to sign in again.",
    nextStep: 'Sign in again. The readiness check says how often this policy asks for it.',
    admin: null,
  },
  '50053': {
    name: 'IdsLocked',
    code: 'sign-in-failed',
    message: 'Your account is locked after too many sign-in attempts.',
    nextStep: 'Wait a few minutes and try again, or ask your admin to unlock it.',
    admin: null,
  },
  '50105': {
    name: 'EntitlementGrantsNotFound',
    code: 'sign-in-failed',
    message: 'Your admin has not given you access to this app.',
    nextStep: 'Ask your admin to assign you to the app (the message below says where).',
    admin: {
      kind: 'entra-setting',
      need: 'assign me to the app: Entra admin center > Enterprise applications > the app > Users and groups',
      why: 'The app requires assignment and I am not assigned to it (AADSTS50105).',
    },
  },
};

/** The catalogue entry for an AADSTS number; own keys only (the number comes from a server). */
export function aadstsEntry(code: string | undefined): AadstsEntry | undefined {
  return code !== undefined && Object.hasOwn(aadstsCatalogue, code) ? aadstsCatalogue[code] : undefined;
}
