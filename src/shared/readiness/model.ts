import { routeLabel } from '../errors/catalogue';
import type { ConnectRoute } from '../routes/route';
import type { GuideId } from './guide-ids';
import { hasSecondFactor } from './methods';
import { isBasicAuthOffByDefault, retirementNotice } from './retirement';
import type { CaFinding, ConditionalAccessAssessment, FactName, Facts, Step, Verdict } from './verdict';

export type ReadinessInput = {
  account: { upn: string; tenantId: string };
  facts: Facts;
  /** Why a fact is unknown (e.g. "403: needs Policy.Read.All"), from the gather. */
  unknownWhy?: Partial<Record<FactName, string>>;
  /** The calendar date (YYYY-MM-DD): the Basic-auth retirement depends on it. Injected ("now"), never read here. */
  today: string;
  /** Conditional Access evaluated for both SMTP AUTH routes (conditional-access/assess.ts). */
  conditionalAccess?: ConditionalAccessAssessment;
  /** Routes the organisation's policy offers; both when there is no policy. */
  routesOffered?: readonly ConnectRoute[];
};

type RouteState = Verdict['routes']['appPassword'];
type AppPasswordBlocker = 'security-defaults' | 'per-user-mfa-off' | 'conditional-access' | null;

const step = (guide: GuideId, who: Step['who'], why: string): Step => ({ guide, who, why });

const defaultUnknownWhy: Record<FactName, string> = {
  perUserMfa: 'Reading per-user MFA state needs the Policy.Read.All permission, which a regular user does not have; your admin can see it.',
  securityDefaults: 'Reading the security defaults setting needs the Policy.Read.All permission; your admin can see it.',
  conditionalAccessMfa: 'Reading Conditional Access policies needs the Policy.Read.All permission; your admin can see them.',
  methods: 'Your registered sign-in methods could not be read.',
  signInUsedMfa: 'The sign-in did not say whether MFA was used.',
};

/**
 * Facts -> verdict. Pure: no I/O, no clock (today comes in), so every combination is tested.
 *
 * The rules:
 * - App passwords exist only with legacy per-user MFA (enabled or enforced); never with
 *   security defaults on (which also switch SMTP Basic auth off), and Conditional Access MFA
 *   does not create them (https://learn.microsoft.com/entra/identity/authentication/howto-mfa-app-passwords).
 * - Conditional Access is evaluated per route by conditional-access/ (an app password is a
 *   legacy client that can satisfy no grant control; OAuth a modern one). Whether the admin allows users to create them cannot be read
 *   from Graph, nor can SMTP AUTH enablement: the test login tells.
 * - OAuth (XOAUTH2 with the signed-in token) works for anyone who can sign in, whatever the
 *   MFA setup; it is the route that survives the Basic-auth retirement.
 */
export function decideReadiness(input: ReadinessInput): Verdict {
  const { facts, today } = input;
  const offered = input.routesOffered ?? ['app-password', 'oauth'];
  const retired = isBasicAuthOffByDefault(today);

  const ca = input.conditionalAccess;

  const blocker = appPasswordBlocker(facts, ca);
  const appPassword = appPasswordRoute(facts, blocker, retired, ca);
  const oauth: RouteState = ca?.oauth.outcome === 'blocked' ? 'blocked' : ca?.oauth.outcome === 'may-block' ? 'unknown' : 'possible';

  // After the default-off date OAuth comes first for every account: an app password then
  // depends on an admin having turned Basic authentication for SMTP AUTH back on.
  const recommended: Verdict['recommended'] =
    offered.includes('app-password') && appPassword === 'possible' && !retired
      ? 'app-password'
      : offered.includes('oauth') && oauth !== 'blocked'
        ? 'oauth'
        : offered.includes('app-password') && appPassword === 'possible'
          ? 'app-password'
          : 'admin-action';

  const appPasswordSteps = stepsToAppPassword(facts, blocker, ca, retired);
  const steps: Step[] =
    recommended === 'oauth'
      ? [
          step('oauth-route', 'user', oauthWhy(ca)),
          ...(offered.includes('app-password') ? appPasswordSteps.map(onlyIfAppPasswordNeeded) : []),
        ]
      : appPasswordSteps;

  return {
    account: { upn: input.account.upn, tenantId: input.account.tenantId },
    facts,
    routes: { appPassword, oauth },
    recommended,
    steps,
    unknowns: unknownsOf(input, appPassword),
    summary: summarize(recommended, appPassword, blocker, retired, ca),
    notices: noticesFor(facts, appPassword, offered, today, ca),
    ...(ca ? { conditionalAccess: ca } : {}),
  };
}

const blocking = (findings: readonly CaFinding[]) => findings.filter((f) => f.applies === 'yes' && f.effect === 'blocks');
const names = (findings: readonly CaFinding[]) => findings.map((f) => `"${f.displayName}"`).join(', ');

function appPasswordBlocker(facts: Facts, ca: ConditionalAccessAssessment | undefined): AppPasswordBlocker {
  if (facts.securityDefaults === true) return 'security-defaults';
  if (facts.perUserMfa === 'disabled') return 'per-user-mfa-off';
  if (ca?.appPassword.outcome === 'blocked') return 'conditional-access';
  return null;
}

function appPasswordRoute(facts: Facts, blocker: AppPasswordBlocker, retired: boolean, ca: ConditionalAccessAssessment | undefined): RouteState {
  if (blocker) return 'blocked';
  const perUserOn = facts.perUserMfa === 'enabled' || facts.perUserMfa === 'enforced';
  // After the retirement Basic auth works only where an admin turned it back on: unknowable.
  // A policy that may apply (a condition decided at sign-in) leaves it open too.
  if (perUserOn && facts.securityDefaults === false) return retired || ca?.appPassword.outcome === 'may-block' ? 'unknown' : 'possible';
  return 'unknown';
}

function oauthWhy(ca: ConditionalAccessAssessment | undefined): string {
  const base = 'Use OAuth in your tool: it signs in with your Microsoft account, needs no app password and keeps working after the Basic-auth retirement.';
  const mfa = ca?.oauth.findings.filter((f) => f.effect === 'requires-mfa') ?? [];
  const device = ca?.oauth.findings.filter((f) => f.effect === 'requires-device') ?? [];
  const parts = [base];
  if (mfa.length > 0) parts.push(`Conditional Access (${names(mfa)}) asks for MFA when the tool signs in: complete it once in the browser.`);
  if (device.length > 0) parts.push(`Conditional Access (${names(device)}) accepts only a compliant or hybrid-joined device: run the tool on a managed computer.`);
  return parts.join(' ');
}

function stepsToAppPassword(facts: Facts, blocker: AppPasswordBlocker, ca: ConditionalAccessAssessment | undefined, retired: boolean): Step[] {
  const steps: Step[] = [];
  const perUserOn = facts.perUserMfa === 'enabled' || facts.perUserMfa === 'enforced';
  if (blocker === 'conditional-access' && ca) {
    // https://learn.microsoft.com/entra/identity/conditional-access/policy-block-legacy-authentication
    return [
      step('troubleshoot-app-password', 'admin', `Conditional Access policy ${names(blocking(ca.appPassword.findings))} refuses legacy (Basic) sign-ins such as SMTP AUTH with an app password. Only an admin can exclude you from it, and Microsoft advises against that: use OAuth instead.`),
    ];
  }
  if (retired) {
    steps.push(step('enable-smtp-auth', 'admin', 'Basic authentication for SMTP AUTH is off by default since the end of December 2026: an app password works only if an admin has turned it back on for your organisation. Ask before you create one.'));
  }
  if (blocker === 'security-defaults') {
    steps.push(
      step('disable-security-defaults', 'admin', 'Security defaults are on: they make app passwords impossible and switch SMTP Basic authentication off. Only an admin can turn them off, and must then protect accounts another way (per-user MFA).'),
    );
  }
  if ((blocker === 'security-defaults' || blocker === 'per-user-mfa-off') && !perUserOn) {
    steps.push(
      step('enable-per-user-mfa', 'admin', facts.conditionalAccessMfa === true
        ? 'App passwords exist only with per-user MFA; the Conditional Access MFA your organisation uses does not provide them. An admin must turn per-user MFA on for you.'
        : 'App passwords exist only with per-user MFA, which is off for you. An admin must turn it on for you.'),
    );
  }
  if (blocker === 'security-defaults' || blocker === 'per-user-mfa-off') {
    steps.push(step('allow-app-passwords', 'admin', 'An admin must also allow users to create app passwords (MFA service settings).'));
  } else if (perUserOn) {
    steps.push(
      step('allow-app-passwords', 'admin', 'Needed only if "App password" is missing when you add a sign-in method: users can create app passwords only when an admin allows it, and Microsoft Graph does not show whether yours has.'),
    );
  }
  if (blocker === null && !perUserOn) {
    // Per-user MFA unknown: trying is the fastest way to find out.
    steps.push(
      step('create-app-password', 'user', 'Try to create an app password. If "App password" is not offered, per-user MFA is off for you or app passwords are not allowed: ask your admin (next steps).'),
      step('enable-per-user-mfa', 'admin', 'Needed only if you could not create an app password and per-user MFA is off for you: app passwords exist only with per-user MFA.'),
      step('allow-app-passwords', 'admin', 'Needed only if you could not create an app password: an admin must allow users to create them.'),
    );
  } else {
    steps.push(step('create-app-password', 'user', createWhy(facts)));
  }
  steps.push(step('use-app-password', 'user', 'Store the app password in this app and run the test login: it proves SMTP AUTH accepts it for your mailbox.'));
  return steps;
}

function createWhy(facts: Facts): string {
  const base = 'Create an app password in My Sign-Ins > Security info; it is shown only once.';
  if (facts.perUserMfa === 'enabled' && (facts.methods === 'unknown' || !hasSecondFactor(facts.methods))) {
    return `${base} You will first be asked to finish setting up MFA (per-user MFA is enabled but not yet enforced).`;
  }
  return base;
}

function onlyIfAppPasswordNeeded(original: Step): Step {
  // "Needed only if X: Y" becomes "Only if your tool needs an app password and X: Y", not two "only if"s.
  const needed = /^Needed only if (.*)$/s.exec(original.why);
  const why = needed ? `Only if your tool needs an app password and ${needed[1]}` : `Only if your tool needs an app password: ${original.why}`;
  return { ...original, why };
}

function unknownsOf(input: ReadinessInput, appPassword: RouteState): Verdict['unknowns'] {
  const unknowns: Verdict['unknowns'] = [];
  const { facts } = input;
  const isUnknown: Record<FactName, boolean> = {
    perUserMfa: facts.perUserMfa === 'unknown',
    securityDefaults: facts.securityDefaults === 'unknown',
    conditionalAccessMfa: facts.conditionalAccessMfa === 'unknown',
    methods: facts.methods === 'unknown',
    signInUsedMfa: false,
  };
  for (const fact of Object.keys(isUnknown) as FactName[]) {
    if (isUnknown[fact]) unknowns.push({ fact, why: input.unknownWhy?.[fact] ?? defaultUnknownWhy[fact] });
  }
  if (appPassword !== 'blocked') {
    unknowns.push({
      fact: 'appPasswordsAllowed',
      why: 'Whether your admin allows users to create app passwords is not visible through Microsoft Graph: you find out when you add a sign-in method. The guide “Allow users to create app passwords” shows your admin where to check.',
    });
  }
  if (appPassword !== 'blocked' && isBasicAuthOffByDefault(input.today)) {
    unknowns.push({
      fact: 'basicAuthReenabled',
      why: 'Basic authentication for SMTP is off by default since the end of December 2026; whether your admin turned it back on is not visible through Microsoft Graph: the test login tells.',
    });
  }
  unknowns.push({
    fact: 'smtpAuthEnabled',
    why: 'Whether SMTP AUTH is enabled for your mailbox is not exposed by Microsoft Graph: the test login tells. If it is off, the guide “Enable Authenticated SMTP for a mailbox (or the organisation)” shows your admin how to turn it on.',
  });
  return unknowns;
}

function summarize(
  recommended: Verdict['recommended'],
  appPassword: RouteState,
  blocker: AppPasswordBlocker,
  retired: boolean,
  ca: ConditionalAccessAssessment | undefined,
): string {
  const why =
    blocker === 'security-defaults'
      ? 'App passwords are impossible here because security defaults are on.'
      : blocker === 'per-user-mfa-off'
        ? 'App passwords are not available because per-user MFA is off for you.'
        : blocker === 'conditional-access' && ca
          ? `A Conditional Access policy (${names(blocking(ca.appPassword.findings))}) refuses SMTP AUTH with an app password for you.`
          : appPassword === 'possible'
          ? 'Nothing visible blocks an app password for you.'
          : retired
            ? 'An app password would depend on your admin having turned Basic authentication back on.'
            : 'Whether an app password can work for you cannot be seen from your account alone.';
  const what =
    recommended === 'app-password'
      ? 'Create an app password, store it here and run the test login.'
      : recommended === 'oauth'
        ? 'Use OAuth: it works with your sign-in as it is.'
        : appPassword === 'blocked'
          ? 'Your admin must act before an app password can work, and your organisation does not offer OAuth.'
          : 'Try to create an app password; if you cannot, your admin must act (your organisation does not offer OAuth).';
  // Said first, on the Account check, before anyone spends time creating an app password.
  const retiredFirst = retired
    ? 'Basic authentication for SMTP AUTH is off by default since the end of December 2026: OAuth comes first, and an app password now works only if an admin has turned Basic SMTP AUTH back on. '
    : '';
  return `${retiredFirst}${why} ${what}`;
}

function noticesFor(
  facts: Facts,
  appPassword: RouteState,
  offered: readonly ConnectRoute[],
  today: string,
  ca: ConditionalAccessAssessment | undefined,
): string[] {
  const notices = [retirementNotice(today)];
  if (ca) {
    notices.push(...conditionalAccessNotices(ca));
  } else if (appPassword === 'possible' && facts.conditionalAccessMfa === true) {
    notices.push(
      'A Conditional Access policy requires MFA in your organisation. If it also covers legacy clients, the test login with an app password is refused ("did not meet the criteria"); OAuth is the way then.',
    );
  }
  for (const route of ['app-password', 'oauth'] as const) {
    if (!offered.includes(route)) {
      notices.push(`Your organisation's policy does not offer the ${routeLabel(route)} route in this app.`);
    }
  }
  return notices;
}

/** Policies that may apply, each with the condition that decides at sign-in, and the sign-in frequency. */
function conditionalAccessNotices(ca: ConditionalAccessAssessment): string[] {
  const notices: string[] = [];
  const seen = new Set<string>();
  const routeName = { appPassword: 'an app password (SMTP AUTH, Basic)', oauth: 'OAuth' } as const;
  for (const route of ['appPassword', 'oauth'] as const) {
    for (const finding of ca[route].findings) {
      if (finding.applies !== 'maybe' || finding.effect === 'session-only') continue;
      const key = `${finding.policyId}:${finding.maybeBecause.join()}:${finding.effect}`;
      if (seen.has(`${key}:${route}`)) continue;
      seen.add(`${key}:${route}`);
      const effect = finding.effect === 'blocks' ? 'refuse' : finding.effect === 'requires-device' ? 'require a managed device for' : 'require MFA for';
      notices.push(`Conditional Access policy "${finding.displayName}" may ${effect} ${routeName[route]}: ${finding.maybeBecause.join('; ')}.`);
    }
    for (const finding of ca[route].findings) {
      if (finding.applies === 'yes' && finding.effect === 'requires-device' && route === 'oauth') {
        notices.push(`Conditional Access policy "${finding.displayName}" accepts OAuth only from a compliant or hybrid-joined device: whether the computer your tool runs on is one is decided at sign-in.`);
      }
    }
  }
  if (ca.signInFrequency) notices.push(ca.signInFrequency.text);
  return notices;
}
