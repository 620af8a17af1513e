import { z } from 'zod';

/**
 * A scenario describes one simulated tenant: who can sign in, how MFA is set up, what SMTP
 * submission allows, and which permissions each user may consent to. Everything the sandbox
 * answers is derived from this data, so a test changes behaviour by changing data.
 */
export const authMethodTypes = [
  'password',
  'microsoftAuthenticator',
  'phone',
  'email',
  'fido2',
  'softwareOath',
  'temporaryAccessPass',
  'windowsHelloForBusiness',
] as const;

/** Delegated permissions a plain user may consent to on their own (the rest need an admin). */
// Exchange Online's SMTP.Send, IMAP.AccessAsUser.All and POP.AccessAsUser.All need no admin consent.
export const userConsentableScopes = ['User.Read', 'UserAuthenticationMethod.Read', 'SMTP.Send', 'IMAP.AccessAsUser.All', 'POP.AccessAsUser.All', 'offline_access', 'openid', 'profile', 'email'];

/** Entra's role template id for Global Administrator (the same in every tenant). */
export const globalAdministratorRole = '62e90394-69f5-4237-9190-012177145e10';

/** The app registration the README asks for: these delegated permissions, by short name. */
export const defaultApp = {
  clientId: '7f3e2c1a-4b5d-4e6f-8a9b-0c1d2e3f4a5b',
  displayName: 'M365 Connect',
  permissions: ['User.Read', 'UserAuthenticationMethod.Read', 'Policy.Read.All', 'RoleManagement.Read.Directory', 'AuditLog.Read.All', 'SMTP.Send'],
};

export const forcedSignInErrors = ['AADSTS50076', 'AADSTS50079', 'AADSTS50126', 'AADSTS53003', 'AADSTS65001'] as const;

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID');

const appPasswordSeed = z.object({
  name: z.string().min(1),
  createdDateTime: z.string().optional(),
});

export const scenarioUserSchema = z.object({
  upn: z.email(),
  password: z.string().min(1),
  displayName: z.string().min(1),
  /** Object id (oid); derived from the UPN when absent so tokens stay stable across runs. */
  id: guid.optional(),
  isAdmin: z.boolean().default(false),
  /** Legacy per-user MFA (the only setup where app passwords exist). */
  perUserMfa: z.enum(['disabled', 'enabled', 'enforced']).default('disabled'),
  methods: z.array(z.enum(authMethodTypes)).default(['password']),
  /** The code the MFA prompt accepts (stands in for the Authenticator app). */
  mfaCode: z.string().default('123456'),
  /** Set-CASMailbox -SmtpClientAuthenticationDisabled: inherit = $null (follow the tenant). */
  smtpAuth: z.enum(['inherit', 'enabled', 'disabled']).default('inherit'),
  /** Scopes this user may consent to; admins may consent to anything ('*'). */
  canConsentTo: z.array(z.string()).optional(),
  /** Makes every sign-in of this user fail with this Entra error (authorize, device code, refresh). */
  signInError: z.enum(forcedSignInErrors).optional(),
  /** App passwords that already exist (names only: their secrets were shown once, long ago). */
  appPasswords: z.array(appPasswordSeed).default([]),
  /** Entra directory roles held, by role template id; an admin without a list is a Global Administrator. */
  roles: z.array(guid).optional(),
});

/** A security group; members are UPNs, user ids or other groups' ids (nesting is transitive). */
export const groupSchema = z.object({
  id: guid,
  displayName: z.string().min(1),
  members: z.array(z.string()).default([]),
});

export const conditionalAccessPolicySchema = z.object({
  id: guid,
  displayName: z.string(),
  state: z.enum(['enabled', 'disabled', 'enabledForReportingButNotEnforced']).default('enabled'),
  includeUsers: z.array(z.string()).default(['All']),
  excludeUsers: z.array(z.string()).default([]),
  includeGroups: z.array(guid).default([]),
  excludeGroups: z.array(guid).default([]),
  /** Role template ids, as Entra stores them in policies. */
  includeRoles: z.array(guid).default([]),
  excludeRoles: z.array(guid).default([]),
  builtInControls: z.array(z.enum(['mfa', 'block', 'compliantDevice', 'domainJoinedDevice'])).default(['mfa']),
  /** grantControls.operator: AND (all controls) or OR (one of them). */
  grantOperator: z.enum(['AND', 'OR']).default('OR'),
  /** grantControls.authenticationStrength (built-in strengths by id and name). */
  authenticationStrength: z.object({ id: z.string(), displayName: z.string() }).optional(),
  /** conditionalAccessClientApp values: all, browser, mobileAppsAndDesktopClients, exchangeActiveSync, other. */
  clientAppTypes: z.array(z.enum(['all', 'browser', 'mobileAppsAndDesktopClients', 'exchangeActiveSync', 'easSupported', 'other'])).default(['all']),
  /** conditions.applications: All, Office365, MicrosoftAdminPortals or app ids. */
  includeApplications: z.array(z.string()).default(['All']),
  excludeApplications: z.array(z.string()).default([]),
  /** conditions.locations, as Graph stores them (named location ids, All, AllTrusted). */
  locations: z.object({ includeLocations: z.array(z.string()), excludeLocations: z.array(z.string()).default([]) }).optional(),
  /** sessionControls.signInFrequency (timeBased). */
  signInFrequency: z.object({ value: z.number().int().min(1), type: z.enum(['hours', 'days']) }).optional(),
});

export const graphFaultSchema = z.object({
  status: z.union([z.literal(429), z.literal(503)]),
  retryAfterSeconds: z.number().int().min(0),
  times: z.number().int().min(0),
});

export const faultsSchema = z.object({
  graph: graphFaultSchema.optional(),
  smtpDropMidAuth: z.boolean().optional(),
  smtpGreetingDelayMs: z.number().int().min(0).optional(),
});

export const scenarioSchema = z.object({
  name: z.string().min(1),
  description: z.string().default(''),
  tenant: z.object({
    id: guid,
    domain: z.string().min(3),
    displayName: z.string().default('Contoso'),
    securityDefaults: z.boolean().default(false),
    /** "Allow users to create app passwords to sign in to non-browser apps" (MFA service settings). */
    allowAppPasswords: z.boolean().default(true),
    /** Set-TransportConfig -SmtpClientAuthenticationDisabled (inverted). */
    smtpClientAuthentication: z.enum(['enabled', 'disabled']).default('enabled'),
    /** Basic auth for SMTP AUTH: allowed, disabled by an authentication policy, or retired by Microsoft. */
    basicAuthSmtp: z.enum(['allowed', 'disabled', 'retired']).default('allowed'),
    /** Entra ID P1/P2: the registration-details report needs it. */
    premiumLicense: z.boolean().default(true),
    /** Total rows in userRegistrationDetails (scenario users first, the rest generated). */
    reportUsers: z.number().int().min(0).max(1_000_000).optional(),
    /** What happens to requested scopes the user may not consent to: left out of the token, or AADSTS65001. */
    unconsentedScopes: z.enum(['omit', 'consent-required']).default('omit'),
    conditionalAccessPolicies: z.array(conditionalAccessPolicySchema).default([]),
    groups: z.array(groupSchema).default([]),
  }),
  app: z
    .object({
      clientId: guid.default(defaultApp.clientId),
      displayName: z.string().default(defaultApp.displayName),
      /** The registration's configured API permissions: what a `.default` request is granted (after consent). */
      permissions: z.array(z.string()).default(defaultApp.permissions),
    })
    .default(defaultApp),
  users: z.array(scenarioUserSchema).min(1),
  latencyMs: z.number().int().min(0).default(0),
  /** Access and ID token lifetime; Entra's default is 60-90 minutes. Short ones make expiry testable. */
  accessTokenLifetimeSeconds: z.number().int().min(1).max(86_400).default(3599),
  deviceCodeIntervalSeconds: z.number().int().min(1).default(5),
  faults: faultsSchema.default({}),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ScenarioUser = z.infer<typeof scenarioUserSchema>;
export type ConditionalAccessPolicy = z.infer<typeof conditionalAccessPolicySchema>;
export type Group = z.infer<typeof groupSchema>;
export type Faults = z.infer<typeof faultsSchema>;
export type GraphFault = z.infer<typeof graphFaultSchema>;
