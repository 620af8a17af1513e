import { methodName } from './methods';
import type { Verdict } from './verdict';

/**
 * How the app and the exported readiness report name the verdict's facts, routes and sign-in
 * methods: one source, so the screen and the report never say different things.
 */
export const factLabels: Record<string, string> = {
  perUserMfa: 'Per-user MFA',
  securityDefaults: 'Security defaults',
  conditionalAccessMfa: 'Conditional Access requires MFA',
  methods: 'Registered sign-in methods',
  signInUsedMfa: 'This sign-in used MFA',
  appPasswordsAllowed: 'Users may create app passwords',
  basicAuthReenabled: 'Basic authentication for SMTP turned back on',
  smtpAuthEnabled: 'SMTP AUTH enabled for the mailbox',
};
export const factLabel = (fact: string): string => factLabels[fact] ?? 'Another setting';

/** Sign-in method names as Security info shows them (Graph's short type names as keys). */
const methodLabels: Record<string, string> = {
  password: 'Password',
  microsoftAuthenticator: 'Microsoft Authenticator',
  phone: 'Phone',
  email: 'Email',
  fido2: 'Passkey (FIDO2)',
  softwareOath: 'Authenticator app or hardware token (code)',
  hardwareOath: 'Hardware token',
  windowsHelloForBusiness: 'Windows Hello for Business',
  temporaryAccessPass: 'Temporary Access Pass',
  platformCredential: 'Platform credential (Mac)',
  passwordlessMicrosoftAuthenticator: 'Microsoft Authenticator (passwordless)',
  x509Certificate: 'Certificate-based authentication',
};
/** A method's display name; an unknown future type is split into words rather than shown raw. */
export const methodLabel = (type: string): string => {
  const name = methodName(type);
  return methodLabels[name] ?? name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
};

const triState = (value: boolean | 'unknown', on: string, off: string): string =>
  value === 'unknown' ? 'Unknown' : value ? on : off;

/** The facts as (label, value) rows, in the order both the screen and the report show them. */
export function factRows(facts: Verdict['facts']): [string, string][] {
  const mfa = facts.perUserMfa === 'unknown' ? 'Unknown' : facts.perUserMfa.charAt(0).toUpperCase() + facts.perUserMfa.slice(1);
  const methods =
    facts.methods === 'unknown' ? 'Unknown' : facts.methods.length === 0 ? 'None' : facts.methods.map(methodLabel).join(', ');
  return [
    [factLabel('perUserMfa'), mfa],
    [factLabel('securityDefaults'), triState(facts.securityDefaults, 'On', 'Off')],
    [factLabel('conditionalAccessMfa'), triState(facts.conditionalAccessMfa, 'Yes', 'No')],
    [factLabel('methods'), methods],
    [factLabel('signInUsedMfa'), facts.signInUsedMfa ? 'Yes' : 'No'],
  ];
}

export const routeStateLabel: Record<Verdict['routes']['appPassword'], string> = {
  possible: 'Possible',
  blocked: 'Blocked',
  unknown: 'Cannot tell yet',
};

export const recommendationLabel: Record<Verdict['recommended'], string> = {
  'app-password': 'App password',
  oauth: 'OAuth (XOAUTH2)',
  'admin-action': 'An admin must act first',
};

export const whoLabel = (who: 'user' | 'admin'): string => (who === 'admin' ? 'Your admin' : 'You');

/**
 * Steps that lower security or apply only in some cases: shown behind "Other options" with the
 * risk stated, never as part of the recommended path.
 */
export const riskyGuides: Record<string, string> = {
  'disable-security-defaults':
    'Risk: this turns off MFA protection for the whole organisation and lets legacy sign-ins back in. Only if the tool cannot use OAuth.',
  'disable-per-user-mfa': 'Risk: the account is then protected by its password alone. Only if nothing else works.',
};

/** A step is conditional when its reason starts "Only if" (the readiness model words it so). */
export const isConditionalStep = (step: { why: string }): boolean => /^(needed )?only if\b/i.test(step.why.trim());

/** Splits a verdict's steps into the one recommended path and the other options. */
export function splitSteps<S extends { guide: string; why: string }>(steps: readonly S[]): { path: S[]; other: S[] } {
  const other = steps.filter((step) => step.guide in riskyGuides || isConditionalStep(step));
  return { path: steps.filter((step) => !other.includes(step)), other };
}
