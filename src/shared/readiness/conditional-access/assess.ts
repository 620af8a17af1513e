import type { CaFinding, CaRoute, ConditionalAccessAssessment, SignInFrequency } from '../verdict';
import { evaluatePolicy, grantAsksForMfa, isEnforced, type Client } from './evaluate';
import type { ConditionalAccessPolicy } from './graph-policy';
import type { Subject } from './membership';

/** What the policy read gave: the policies (complete = every page read), or why not. */
export type PolicyRead = { policies: readonly ConditionalAccessPolicy[]; complete: boolean } | { unknown: string };

function routeFor(policies: readonly ConditionalAccessPolicy[], complete: boolean, subject: Subject, client: Client): CaRoute {
  const findings: CaFinding[] = [];
  for (const policy of policies) {
    const finding = evaluatePolicy(policy, subject, client);
    if (finding) findings.push(finding);
  }
  const blocked = findings.some((f) => f.applies === 'yes' && f.effect === 'blocks');
  const mayBlock = findings.some((f) => (f.effect === 'blocks' && f.applies === 'maybe') || f.effect === 'requires-device');
  const outcome: CaRoute['outcome'] = blocked ? 'blocked' : mayBlock ? 'may-block' : complete ? 'clear' : 'unknown';
  return { outcome, findings };
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/**
 * sessionControls.signInFrequency of the policies that apply to an OAuth sign-in: the strictest
 * wins. After that long the refresh token no longer signs in silently (AADSTS70043) and the user
 * must sign in again (https://learn.microsoft.com/entra/identity/conditional-access/concept-session-lifetime).
 */
function signInFrequencyOf(policies: readonly ConditionalAccessPolicy[], findings: readonly CaFinding[]): SignInFrequency | null {
  let strictest: SignInFrequency | null = null;
  for (const finding of findings) {
    const control = policies.find((p) => p.id === finding.policyId)?.sessionControls?.signInFrequency;
    if (!control || control.isEnabled === false) continue;
    let hours: number | null;
    if (control.frequencyInterval === 'everyTime') hours = null;
    else if (control.value && control.type) hours = control.type === 'days' ? control.value * 24 : control.value;
    else continue;
    const stricter = strictest === null || (strictest.hours !== null && (hours === null || hours < strictest.hours));
    if (!stricter) continue;
    const every = hours === null ? 'every time it signs in' : hours % 24 === 0 ? `every ${plural(hours / 24, 'day')}` : `every ${plural(hours, 'hour')}`;
    const may = finding.applies === 'maybe' ? ' may have to' : ' has to';
    strictest = {
      hours,
      policy: finding.displayName,
      applies: finding.applies,
      text: `Conditional Access policy "${finding.displayName}" sets a sign-in frequency: an OAuth tool${may} sign in again ${every} (its saved sign-in stops working after that).`,
    };
  }
  return strictest;
}

/** The policies against both SMTP AUTH routes for this user. Pure. */
export function assessConditionalAccess(read: PolicyRead, subject: Subject): ConditionalAccessAssessment {
  if ('unknown' in read) {
    const unknown: CaRoute = { outcome: 'unknown', findings: [] };
    return { appPassword: unknown, oauth: unknown, signInFrequency: null, why: read.unknown };
  }
  const appPassword = routeFor(read.policies, read.complete, subject, 'legacy');
  const oauth = routeFor(read.policies, read.complete, subject, 'modern');
  return { appPassword, oauth, signInFrequency: signInFrequencyOf(read.policies, oauth.findings) };
}

/**
 * The `conditionalAccessMfa` fact: does an enforced policy require MFA of this user for mail
 * (for either client)? Maybe-policies make it unknown, with why.
 */
export function conditionalAccessRequiresMfa(read: PolicyRead, subject: Subject): { value: boolean | 'unknown'; why: string } {
  if ('unknown' in read) return { value: 'unknown', why: read.unknown };
  let maybe: string | null = null;
  for (const policy of read.policies) {
    if (!isEnforced(policy) || !grantAsksForMfa(policy)) continue;
    for (const client of ['modern', 'legacy'] as const) {
      const finding = evaluatePolicy(policy, subject, client);
      if (finding?.applies === 'yes') return { value: true, why: '' };
      if (finding) maybe ??= `Conditional Access policy "${finding.displayName}" requires MFA and may cover you: ${finding.maybeBecause.join('; ')}.`;
    }
  }
  if (maybe) return { value: 'unknown', why: maybe };
  if (!read.complete) {
    return { value: 'unknown', why: 'There are more Conditional Access policies than one page shows; none on the first page requires MFA of you.' };
  }
  return { value: false, why: '' };
}
