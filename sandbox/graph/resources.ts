import type { SandboxUser } from '../state/tenant';
import type { Caller, GraphContext } from './context';
import { denied, graphError, ok, type GraphReply, type RequestIds } from './reply';
import { contextWithSelect, isSelectError, parseSelect, project } from './select';

/** Stable ids Graph uses for some method types (the password method's is fixed). */
const methodIds: Record<string, string> = {
  password: '28c10230-6103-485e-b985-444c60001490',
  phone: '3179e48a-750b-4051-897c-87b9720928f7',
};

export function meUser(ctx: GraphContext, caller: Caller): SandboxUser | undefined {
  return ctx.tenant.findUser(caller.claims.oid);
}

/** Every user property the sandbox knows; Graph returns the first group unless $select asks. */
const defaultUserProperties = ['businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName', 'id'];
export const userProperties = [...defaultUserProperties, 'accountEnabled', 'createdDateTime', 'mailNickname', 'onPremisesSyncEnabled', 'usageLocation', 'userType'];

/** GET /{v}/me, honouring $select (an unknown property is Graph's 400). */
export function userResource(ctx: GraphContext, ids: RequestIds, version: string, user: SandboxUser, query: URLSearchParams): GraphReply {
  const selection = parseSelect(query, 'microsoft.graph.user', userProperties, ids);
  if (isSelectError(selection)) return selection;
  const [givenName, ...rest] = user.displayName.split(' ');
  const all: Record<string, unknown> = {
    businessPhones: [],
    displayName: user.displayName,
    givenName: givenName ?? null,
    jobTitle: null,
    mail: user.upn,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: 'en-US',
    surname: rest.join(' ') || null,
    userPrincipalName: user.upn,
    id: user.id,
    accountEnabled: true,
    createdDateTime: '2023-09-01T08:00:00Z',
    mailNickname: user.upn.split('@')[0] ?? user.upn,
    onPremisesSyncEnabled: null,
    usageLocation: 'GB',
    userType: 'Member',
  };
  const shown = selection.properties ? project(all, selection) : Object.fromEntries(defaultUserProperties.map((key) => [key, all[key]]));
  return ok({ '@odata.context': `${ctx.base}/${version}/$metadata#${contextWithSelect('users', selection)}/$entity`, ...shown });
}

export function authenticationMethods(ctx: GraphContext, version: string, user: SandboxUser): Record<string, unknown> {
  const created = '2024-03-14T09:12:45Z';
  const value = user.methods.map((method, index) => {
    const id = methodIds[method] ?? `${user.id.slice(0, 24)}${String(index).padStart(12, '0')}`;
    const base = { '@odata.type': `#microsoft.graph.${method}AuthenticationMethod`, id };
    switch (method) {
      case 'password':
        return { ...base, password: null, createdDateTime: created };
      case 'phone':
        return { ...base, phoneNumber: '+1 2065550123', phoneType: 'mobile', smsSignInState: 'notAllowedByPolicy' };
      case 'microsoftAuthenticator':
        return { ...base, displayName: 'iPhone 15', deviceTag: 'SoftwareTokenActivated', phoneAppVersion: '6.8.12', createdDateTime: created };
      case 'email':
        return { ...base, emailAddress: `${user.upn.split('@')[0]}@example.org` };
      case 'fido2':
        return { ...base, displayName: 'Security key', aaGuid: 'cb69481e-8ff7-4039-93ec-0a2729a154a8', model: 'YubiKey 5', createdDateTime: created };
      case 'softwareOath':
        return { ...base, secretKey: null };
      case 'temporaryAccessPass':
        return { ...base, isUsable: false, lifetimeInMinutes: 60, isUsableOnce: true, createdDateTime: created };
      case 'windowsHelloForBusiness':
        return { ...base, displayName: 'WORKSTATION-01', keyStrength: 'normal', createdDateTime: created };
    }
  });
  return { '@odata.context': `${ctx.base}/${version}/$metadata#users('${user.id}')/authentication/methods`, value };
}

/** Policy and per-user MFA reads need Policy.Read.All and an admin role (Global/Security Reader...). */
export function canReadPolicies(caller: Caller, user: SandboxUser | undefined): boolean {
  return caller.hasAnyScope('Policy.Read.All', 'Policy.ReadWrite.ConditionalAccess') && user?.isAdmin === true;
}

export function authenticationRequirements(ctx: GraphContext, ids: RequestIds, caller: Caller, target: string): GraphReply {
  const user = ctx.tenant.findUser(target);
  if (!canReadPolicies(caller, meUser(ctx, caller))) return denied(ids);
  if (!user) {
    return graphError(ids, 404, 'Request_ResourceNotFound', `Resource '${target}' does not exist or one of its queried reference-property objects are not present.`);
  }
  return ok({
    '@odata.context': `${ctx.base}/beta/$metadata#users('${user.id}')/authentication/requirements/$entity`,
    perUserMfaState: user.perUserMfa,
  });
}

export function securityDefaultsPolicy(ctx: GraphContext, version: string): Record<string, unknown> {
  return {
    '@odata.context': `${ctx.base}/${version}/$metadata#policies/identitySecurityDefaultsEnforcementPolicy/$entity`,
    id: '00000000-0000-0000-0000-000000000005',
    displayName: 'Security Defaults',
    description:
      'Security defaults is a set of basic identity security mechanisms recommended by Microsoft. When enabled, these recommendations will be automatically enforced in your organization. Administrators and users will be better protected from common identity related attacks.',
    isEnabled: ctx.tenant.scenario.tenant.securityDefaults,
  };
}

export function conditionalAccessPolicies(ctx: GraphContext, version: string): Record<string, unknown> {
  const value = ctx.tenant.scenario.tenant.conditionalAccessPolicies.map((policy) => ({
    id: policy.id,
    templateId: null,
    displayName: policy.displayName,
    createdDateTime: '2024-01-10T10:00:00.0000000Z',
    modifiedDateTime: null,
    state: policy.state,
    sessionControls: policy.signInFrequency
      ? {
          applicationEnforcedRestrictions: null,
          cloudAppSecurity: null,
          persistentBrowser: null,
          disableResilienceDefaults: null,
          signInFrequency: { value: policy.signInFrequency.value, type: policy.signInFrequency.type, authenticationType: 'primaryAndSecondaryAuthentication', frequencyInterval: 'timeBased', isEnabled: true },
        }
      : null,
    conditions: {
      userRiskLevels: [],
      signInRiskLevels: [],
      clientAppTypes: policy.clientAppTypes,
      platforms: null,
      locations: policy.locations ? { includeLocations: policy.locations.includeLocations, excludeLocations: policy.locations.excludeLocations } : null,
      applications: {
        includeApplications: policy.includeApplications,
        excludeApplications: policy.excludeApplications,
        includeUserActions: [],
        includeAuthenticationContextClassReferences: [],
      },
      users: {
        includeUsers: policy.includeUsers,
        excludeUsers: policy.excludeUsers,
        includeGroups: policy.includeGroups,
        excludeGroups: policy.excludeGroups,
        includeRoles: policy.includeRoles,
        excludeRoles: policy.excludeRoles,
      },
    },
    // Graph answers null for a policy with session controls only.
    grantControls:
      policy.builtInControls.length === 0 && !policy.authenticationStrength
        ? null
        : {
            operator: policy.grantOperator,
            builtInControls: policy.builtInControls,
            customAuthenticationFactors: [],
            termsOfUse: [],
            authenticationStrength: policy.authenticationStrength ?? null,
          },
  }));
  return { '@odata.context': `${ctx.base}/${version}/$metadata#identity/conditionalAccess/policies`, value };
}
