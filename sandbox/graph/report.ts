import type { SandboxUser, Tenant } from '../state/tenant';
import { stableGuid } from '../state/tenant';
import type { GraphContext } from './context';
import { isPageError, pageOf } from './paging';
import { ok, type GraphReply, type RequestIds } from './reply';

export const defaultPageSize = 100;
export const maxPageSize = 999;
const defaultReportUsers = 250;

type RegistrationRow = Record<string, unknown>;

export function reportSize(tenant: Tenant): number {
  return Math.max(tenant.scenario.tenant.reportUsers ?? defaultReportUsers, tenant.users.length);
}

/** A small deterministic PRNG, so row N is the same on every run without storing anything. */
function pseudoRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function rowFor(user: { id: string; upn: string; displayName: string; isAdmin: boolean; methods: string[] }): RegistrationRow {
  const strong = user.methods.filter((method) => method !== 'password');
  const mfa = strong.some((method) => method !== 'email');
  return {
    id: user.id,
    userPrincipalName: user.upn,
    userDisplayName: user.displayName,
    userType: 'member',
    isAdmin: user.isAdmin,
    isSsprRegistered: strong.length > 0,
    isSsprEnabled: true,
    isSsprCapable: strong.length > 0,
    isMfaRegistered: mfa,
    isMfaCapable: mfa,
    isPasswordlessCapable: strong.includes('microsoftAuthenticator') || strong.includes('fido2'),
    methodsRegistered: strong.map((method) => (method === 'phone' ? 'mobilePhone' : method === 'microsoftAuthenticator' ? 'microsoftAuthenticatorPush' : method)),
    isSystemPreferredAuthenticationMethodEnabled: true,
    systemPreferredAuthenticationMethods: mfa ? [strong.includes('microsoftAuthenticator') ? 'push' : 'sms'] : [],
    userPreferredMethodForSecondaryAuthentication: mfa ? (strong.includes('microsoftAuthenticator') ? 'push' : 'sms') : 'none',
    lastUpdatedDateTime: '2025-11-02T08:30:00Z',
  };
}

/** Row `index` of the report: the scenario's users first, then generated ones. */
export function registrationRow(tenant: Tenant, index: number): RegistrationRow {
  const real: SandboxUser | undefined = tenant.users[index];
  if (real) return rowFor(real);
  const random = pseudoRandom(index + 1);
  const pool = ['microsoftAuthenticator', 'phone', 'email', 'fido2', 'softwareOath', 'windowsHelloForBusiness'];
  const methods = pool.filter(() => random() < 0.35);
  const n = String(index).padStart(6, '0');
  return rowFor({
    id: stableGuid(`report-user-${index}`),
    upn: `user${n}@${tenant.scenario.tenant.domain}`,
    displayName: `User ${n}`,
    isAdmin: random() < 0.01,
    methods: ['password', ...methods],
  });
}

/** GET /{v}/reports/authenticationMethods/userRegistrationDetails, paged with @odata.nextLink. */
export function userRegistrationDetails(ctx: GraphContext, ids: RequestIds, version: string, query: URLSearchParams): GraphReply {
  const path = `${ctx.base}/${version}/reports/authenticationMethods/userRegistrationDetails`;
  const page = pageOf(query, ids, { total: reportSize(ctx.tenant), defaultSize: defaultPageSize, maxSize: maxPageSize, path });
  if (isPageError(page)) return page;
  const value: RegistrationRow[] = [];
  for (let index = page.start; index < page.end; index += 1) value.push(registrationRow(ctx.tenant, index));
  const body: Record<string, unknown> = { '@odata.context': `${ctx.base}/${version}/$metadata#reports/authenticationMethods/userRegistrationDetails` };
  if (page.nextLink) body['@odata.nextLink'] = page.nextLink;
  body['value'] = value;
  return ok(body);
}
