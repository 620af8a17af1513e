/**
 * The readiness facts, as one JSON batch. A batch targets one API version, and per-user MFA
 * state exists only in beta, so the whole batch goes to /beta/$batch (the other resources
 * exist in beta with the same fields we read). One HTTP round trip, whatever the answers.
 */
export const batchIds = {
  me: 'me',
  methods: 'methods',
  requirements: 'requirements',
  securityDefaults: 'securityDefaults',
  conditionalAccess: 'conditionalAccess',
  memberOf: 'memberOf',
} as const;
export type BatchId = (typeof batchIds)[keyof typeof batchIds];

export type BatchRequest = { id: BatchId; method: 'GET'; url: string };

export const readinessBatch: readonly BatchRequest[] = [
  { id: 'me', method: 'GET', url: '/me?$select=id,userPrincipalName,displayName' },
  { id: 'methods', method: 'GET', url: '/me/authentication/methods' },
  { id: 'requirements', method: 'GET', url: '/me/authentication/requirements' },
  { id: 'securityDefaults', method: 'GET', url: '/policies/identitySecurityDefaultsEnforcementPolicy' },
  { id: 'conditionalAccess', method: 'GET', url: '/identity/conditionalAccess/policies' },
  // Groups and roles, so Conditional Access targeting is resolved in the same round trip.
  { id: 'memberOf', method: 'GET', url: '/me/transitiveMemberOf?$select=id,roleTemplateId&$top=999' },
];

/** What `$batch` answers for one request. */
export type BatchItemResponse = {
  id: string;
  status: number;
  headers?: Record<string, string> | undefined;
  body?: unknown;
};
