import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toReportRow } from '../../src/cli/report/rows';
import { tenantFactsSchema, type TenantFacts } from '../../src/cli/report/tenant-facts';
import { factsFromBatch } from '../../src/main/graph/facts-from-batch';
import { verdictFromGathered } from '../../src/main/graph/readiness-service';
import { parsePolicies } from '../../src/shared/readiness/conditional-access';
import { azureManagement, exchangeOnline, globalAdministrator } from '../support/ca-policies';

/**
 * One rule set: random Conditional Access policies (in Graph's shape) go to both entry points,
 * the app's (Graph `$batch` answers -> facts -> verdict) and the tenant report's (tenant facts
 * -> row), with the same knowledge (no per-user MFA state, no memberships). The routes must be
 * identical.
 */
const userId = '87d349ed-44d7-43e1-9a83-5f2406dee5bd';
const upn = 'adele@contoso.com';
const other = '48d31887-5fad-4d73-a9f5-3c356e68a038';
const unknownApp = '3c1f6a58-7d0e-4b2a-9f1c-2e5d8a7b6c40';

const sub = <T>(values: readonly T[]) => fc.subarray([...values]);
const policyArb = fc.record({
  id: fc.uuid(),
  displayName: fc.constantFrom('Block legacy authentication', 'Require MFA', 'Compliant device', 'Sign-in frequency'),
  state: fc.constantFrom('enabled', 'disabled', 'enabledForReportingButNotEnforced'),
  conditions: fc.record({
    clientAppTypes: sub(['all', 'browser', 'mobileAppsAndDesktopClients', 'exchangeActiveSync', 'other']),
    applications: fc.record({
      includeApplications: sub(['All', 'Office365', exchangeOnline, azureManagement, unknownApp, 'MicrosoftAdminPortals', 'None']),
      excludeApplications: sub([exchangeOnline, 'Office365', azureManagement]),
      includeUserActions: fc.constant([]),
    }),
    users: fc.record({
      includeUsers: sub(['All', userId, other, 'GuestsOrExternalUsers']),
      excludeUsers: sub([userId, other, 'GuestsOrExternalUsers']),
      includeGroups: sub(['4a6e8f0b-1c3d-4e5f-9a7b-8c9d0e1f2a3b']),
      excludeGroups: sub(['0c9d6c1e-2b3a-4f5e-8d7c-6b5a4f3e2d1c']),
      includeRoles: sub([globalAdministrator]),
      excludeRoles: sub([globalAdministrator]),
    }),
    locations: fc.option(fc.constant({ includeLocations: ['All'], excludeLocations: ['AllTrusted'] })),
    platforms: fc.option(fc.constant({ includePlatforms: ['windows'], excludePlatforms: [] })),
    userRiskLevels: sub(['high']),
    signInRiskLevels: sub(['medium', 'high']),
  }),
  grantControls: fc.option(
    fc.record({
      operator: fc.constantFrom('AND', 'OR'),
      builtInControls: sub(['block', 'mfa', 'compliantDevice', 'domainJoinedDevice', 'approvedApplication', 'passwordChange']),
      authenticationStrength: fc.option(fc.constant({ id: '00000000-0000-0000-0000-000000000002', displayName: 'Multifactor authentication' })),
    }),
  ),
  sessionControls: fc.option(
    fc.record({ signInFrequency: fc.record({ isEnabled: fc.boolean(), type: fc.constantFrom('hours', 'days'), value: fc.integer({ min: 1, max: 30 }) }) }),
  ),
});

const denied = { status: 403, body: { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges.' } } };

function appRoutes(policies: unknown[] | null, securityDefaults: boolean | null, today: string) {
  const items = [
    { id: 'me', status: 200, body: { id: userId, userPrincipalName: upn, displayName: 'Adele' } },
    { id: 'methods', status: 200, body: { value: [{ '@odata.type': '#microsoft.graph.passwordAuthenticationMethod' }] } },
    { id: 'requirements', ...denied },
    { id: 'securityDefaults', ...(securityDefaults === null ? denied : { status: 200, body: { isEnabled: securityDefaults } }) },
    { id: 'conditionalAccess', ...(policies === null ? denied : { status: 200, body: { value: policies } }) },
    { id: 'memberOf', ...denied },
  ];
  const verdict = verdictFromGathered(factsFromBatch(items, userId), { account: { upn, tenantId: 't' }, amr: ['pwd'] }, today);
  return { appPasswordRoute: verdict.routes.appPassword, oauthRoute: verdict.routes.oauth, recommended: verdict.recommended };
}

function reportRoutes(policies: unknown[] | null, securityDefaults: boolean | null, today: string) {
  const tenant: TenantFacts = {
    securityDefaults: securityDefaults ?? 'unknown',
    conditionalAccessPolicies: policies === null ? 'unknown' : parsePolicies(policies),
  };
  // Through the checkpoint's JSON and schema, as a resumed report reads it back.
  const stored = tenantFactsSchema.parse(JSON.parse(JSON.stringify(tenant)));
  const row = toReportRow({ id: userId, userPrincipalName: upn, isMfaRegistered: true, methodsRegistered: ['microsoftAuthenticatorPush'] }, stored, today);
  return { appPasswordRoute: row?.appPasswordRoute, oauthRoute: row?.oauthRoute, recommended: row?.recommended };
}

describe('the app and the tenant report decide by one rule set', () => {
  it('random Conditional Access policies give identical routes at both entry points', () => {
    fc.assert(
      fc.property(
        fc.option(fc.array(policyArb, { maxLength: 5 }), { freq: 8 }),
        fc.option(fc.boolean(), { freq: 4 }),
        fc.constantFrom('2026-11-22', '2026-12-31', '2027-01-01', '2027-06-30'),
        (policies, securityDefaults, today) => {
          expect(reportRoutes(policies, securityDefaults, today)).toEqual(appRoutes(policies, securityDefaults, today));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('the property can fail: a different policy set on one side changes the route', () => {
    const block = { id: 'b', displayName: 'Block legacy authentication', state: 'enabled', conditions: { clientAppTypes: ['other'], applications: { includeApplications: ['All'] }, users: { includeUsers: ['All'] } }, grantControls: { operator: 'OR', builtInControls: ['block'] } };
    expect(reportRoutes([block], false, '2026-11-22')).not.toEqual(appRoutes([], false, '2026-11-22'));
  });
});
