/**
 * Conditional Access policies in Microsoft Graph's JSON shape (GET /identity/conditionalAccess/policies,
 * https://learn.microsoft.com/graph/api/resources/conditionalaccesspolicy), built like Microsoft's
 * policy templates (https://learn.microsoft.com/entra/identity/conditional-access/concept-conditional-access-policy-common).
 */
export const globalAdministrator = '62e90394-69f5-4237-9190-012177145e10';
export const azureManagement = '797f4846-ba00-4fd7-ba43-dac1f8f63013';
export const exchangeOnline = '00000002-0000-0ff1-ce00-000000000000';

type Overrides = {
  id?: string;
  displayName?: string;
  state?: string;
  users?: Record<string, unknown>;
  applications?: Record<string, unknown>;
  clientAppTypes?: string[];
  locations?: Record<string, unknown> | null;
  platforms?: Record<string, unknown> | null;
  devices?: Record<string, unknown> | null;
  userRiskLevels?: string[];
  signInRiskLevels?: string[];
  grantControls?: Record<string, unknown> | null;
  sessionControls?: Record<string, unknown> | null;
};

let counter = 0;

export function graphPolicy(o: Overrides = {}): Record<string, unknown> {
  counter += 1;
  return {
    id: o.id ?? `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    templateId: null,
    displayName: o.displayName ?? `Policy ${counter}`,
    createdDateTime: '2024-01-10T10:00:00Z',
    modifiedDateTime: null,
    state: o.state ?? 'enabled',
    conditions: {
      userRiskLevels: o.userRiskLevels ?? [],
      signInRiskLevels: o.signInRiskLevels ?? [],
      clientAppTypes: o.clientAppTypes ?? ['all'],
      platforms: o.platforms ?? null,
      locations: o.locations ?? null,
      devices: o.devices ?? null,
      applications: {
        includeApplications: ['All'],
        excludeApplications: [],
        includeUserActions: [],
        includeAuthenticationContextClassReferences: [],
        applicationFilter: null,
        ...o.applications,
      },
      users: {
        includeUsers: ['All'],
        excludeUsers: [],
        includeGroups: [],
        excludeGroups: [],
        includeRoles: [],
        excludeRoles: [],
        ...o.users,
      },
    },
    grantControls:
      o.grantControls === undefined
        ? { operator: 'OR', builtInControls: ['mfa'], customAuthenticationFactors: [], termsOfUse: [], authenticationStrength: null }
        : o.grantControls,
    sessionControls: o.sessionControls ?? null,
  };
}

const grant = (builtInControls: string[], operator = 'OR') => ({ operator, builtInControls, customAuthenticationFactors: [], termsOfUse: [], authenticationStrength: null });

/** Microsoft's templates, as an admin creates them. */
export const templates = {
  blockLegacyAuthentication: (users: Record<string, unknown> = {}) =>
    graphPolicy({ displayName: 'Block legacy authentication', clientAppTypes: ['exchangeActiveSync', 'other'], grantControls: grant(['block']), users }),
  requireMfaAllUsers: (users: Record<string, unknown> = {}) => graphPolicy({ displayName: 'Require multifactor authentication for all users', users }),
  requireMfaAdmins: () =>
    graphPolicy({ displayName: 'Require multifactor authentication for admins', users: { includeUsers: [], includeRoles: [globalAdministrator] } }),
  requireMfaAzureManagement: () =>
    graphPolicy({ displayName: 'Require multifactor authentication for Azure management', applications: { includeApplications: [azureManagement] } }),
  requireCompliantDevice: () => graphPolicy({ displayName: 'Require compliant device', grantControls: grant(['compliantDevice']) }),
  requireCompliantOrHybridOrMfa: () =>
    graphPolicy({ displayName: 'Require compliant or hybrid Azure AD joined device or multifactor authentication for all users', grantControls: grant(['mfa', 'compliantDevice', 'domainJoinedDevice']) }),
  signInFrequency: (value = 8, type: 'hours' | 'days' = 'hours') =>
    graphPolicy({
      displayName: 'Sign-in frequency for Office 365',
      applications: { includeApplications: ['Office365'] },
      grantControls: null,
      sessionControls: { signInFrequency: { isEnabled: true, type, value, frequencyInterval: 'timeBased', authenticationType: 'primaryAndSecondaryAuthentication' } },
    }),
};

export { grant };
