import { nextLinkGuard } from '../../main/graph/next-link-guard';
import { parsePolicies } from '../../shared/readiness/conditional-access';
import { getGraphJson, repeatedNextLink, type GraphFetchOptions } from './graph-fetch';
import type { TenantFacts } from './tenant-facts';

const why = (status: number, message: string) =>
  status === 403
    ? 'HTTP 403: reading it needs Policy.Read.All and an admin role (e.g. Security Reader)'
    : `could not be read (${message})`;

/**
 * The tenant-wide facts that decide app-password readiness for everyone: security defaults
 * and every Conditional Access policy (all pages). A refusal makes a fact "unknown"
 * (with why), never a failed report.
 */
export async function fetchTenantFacts(graphBaseUrl: string, options: GraphFetchOptions): Promise<TenantFacts> {
  const facts: TenantFacts = { securityDefaults: 'unknown', conditionalAccessPolicies: 'unknown' };

  // Both reads at once (each is a round trip before the report's first row); a failure of the
  // first still wins, as when they ran one after the other.
  const defaultsRead = getGraphJson(`${graphBaseUrl}/v1.0/policies/identitySecurityDefaultsEnforcementPolicy`, options);
  const policiesRead = readPolicies(graphBaseUrl, options);
  policiesRead.catch(() => undefined);

  const defaults = await defaultsRead;
  if (defaults.ok) {
    const enabled = (defaults.body as { isEnabled?: unknown } | null)?.isEnabled;
    if (typeof enabled === 'boolean') facts.securityDefaults = enabled;
    else facts.securityDefaultsWhy = 'the answer had no isEnabled';
  } else {
    facts.securityDefaultsWhy = why(defaults.status, defaults.message);
  }

  const policies = await policiesRead;
  if ('why' in policies) facts.conditionalAccessWhy = policies.why;
  else facts.conditionalAccessPolicies = parsePolicies(policies.all);
  return facts;
}

/** Every Conditional Access policy, all pages; or why they could not be read. */
async function readPolicies(graphBaseUrl: string, options: GraphFetchOptions): Promise<{ all: unknown[] } | { why: string }> {
  const all: unknown[] = [];
  let next: string | null = `${graphBaseUrl}/v1.0/identity/conditionalAccess/policies`;
  const follow = nextLinkGuard(repeatedNextLink);
  while (next) {
    follow(next);
    const answer = await getGraphJson(next, options);
    if (!answer.ok) return { why: why(answer.status, answer.message) };
    const body = answer.body as { value?: unknown; '@odata.nextLink'?: unknown } | null;
    if (Array.isArray(body?.value)) all.push(...body.value);
    next = typeof body?.['@odata.nextLink'] === 'string' ? body['@odata.nextLink'] : null;
  }
  return { all };
}
