import type { Caller, GraphContext } from './context';
import { denied, graphError, ok, segmentNotFound, type GraphReply, type RequestIds } from './reply';
import { transitiveMemberOf } from './membership';
import { userRegistrationDetails } from './report';
import {
  authenticationMethods,
  authenticationRequirements,
  canReadPolicies,
  conditionalAccessPolicies,
  meUser,
  securityDefaultsPolicy,
  userResource,
} from './resources';

/**
 * One Graph request, already authenticated, to its answer. Used for plain HTTP requests and
 * for each request inside a $batch, so both see exactly the same permissions and shapes.
 */
export function route(ctx: GraphContext, caller: Caller, ids: RequestIds, method: string, version: string, relative: string): GraphReply {
  const url = new URL(relative.startsWith('/') ? relative : `/${relative}`, 'https://graph.invalid');
  const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const path = segments.join('/');
  const me = meUser(ctx, caller);
  if (!me) return graphError(ids, 404, 'Request_ResourceNotFound', `Resource '${caller.claims.oid}' does not exist or one of its queried reference-property objects are not present.`);
  if (method !== 'GET') return graphError(ids, 405, 'Request_BadRequest', `Specified HTTP method is not allowed for the request uri.`);

  if (path === 'me') {
    if (!caller.hasAnyScope('User.Read', 'User.ReadWrite', 'User.ReadBasic.All', 'User.Read.All', 'Directory.Read.All')) return denied(ids);
    return userResource(ctx, ids, version, me, url.searchParams);
  }
  if (path === 'me/transitiveMemberOf') return transitiveMemberOf(ctx, ids, caller, version, me, url.searchParams);
  if (path === 'me/authentication/methods') {
    if (!caller.hasAnyScope('UserAuthenticationMethod.Read', 'UserAuthenticationMethod.ReadWrite', 'UserAuthenticationMethod.Read.All')) return denied(ids);
    return ok(authenticationMethods(ctx, version, me));
  }
  const requirements = /^(?:me|users\/([^/]+))\/authentication\/requirements$/.exec(path);
  if (requirements) {
    if (version !== 'beta') return segmentNotFound(ids, 'requirements');
    return authenticationRequirements(ctx, ids, caller, requirements[1] ?? me.id);
  }
  if (path === 'policies/identitySecurityDefaultsEnforcementPolicy') {
    return canReadPolicies(caller, me) ? ok(securityDefaultsPolicy(ctx, version)) : denied(ids);
  }
  if (path === 'identity/conditionalAccess/policies') {
    return canReadPolicies(caller, me) ? ok(conditionalAccessPolicies(ctx, version)) : denied(ids);
  }
  if (path === 'reports/authenticationMethods/userRegistrationDetails') {
    if (!caller.hasAnyScope('AuditLog.Read.All') || !me.isAdmin) return denied(ids);
    if (!ctx.tenant.scenario.tenant.premiumLicense) {
      return graphError(ids, 403, 'Authentication_RequestFromNonPremiumTenantOrB2CTenant', "Neither tenant is B2C or tenant doesn't have premium license");
    }
    return userRegistrationDetails(ctx, ids, version, url.searchParams);
  }
  return segmentNotFound(ids, segments[segments.length - 1] ?? '');
}
