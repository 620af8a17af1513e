import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { sendJson } from '../http/io';

/** Entra's AADSTS codes the sandbox can answer, with the OAuth error each maps to. */
const catalogue = {
  50011: { error: 'invalid_request', text: (p: P) => `The redirect URI '${p.redirectUri}' specified in the request does not match the redirect URIs configured for the application '${p.clientId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.` },
  50058: { error: 'login_required', text: () => 'A silent sign-in request was sent but no user is signed in.' },
  50076: { error: 'invalid_grant', authorizeError: 'interaction_required', text: (p: P) => `Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '${p.resourceId}'.` },
  50079: { error: 'invalid_grant', authorizeError: 'interaction_required', text: (p: P) => `Due to a configuration change made by your administrator, or because you moved to a new location, you must enroll in multi-factor authentication to access '${p.resourceId}'.` },
  50126: { error: 'invalid_grant', authorizeError: 'access_denied', text: () => 'Error validating credentials due to invalid username or password.' },
  50173: { error: 'invalid_grant', text: (p: P) => `The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '${p.issuedAt}' and the TokensValidFrom date (before which tokens are not valid) for this user is '${p.validFrom}'.` },
  53003: { error: 'invalid_grant', authorizeError: 'access_denied', text: () => 'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.' },
  530003: { error: 'invalid_grant', authorizeError: 'access_denied', text: () => 'Your device is required to be managed to access this resource.' },
  54005: { error: 'invalid_grant', text: () => 'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.' },
  65001: { error: 'invalid_grant', authorizeError: 'consent_required', text: (p: P) => `The user or administrator has not consented to use the application with ID '${p.clientId}' named '${p.appName}'. Send an interactive authorization request for this user and resource.` },
  70003: { error: 'unsupported_grant_type', text: (p: P) => `The app requested an unsupported grant type '${p.grantType}'.` },
  70008: { error: 'invalid_grant', text: () => 'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.' },
  70016: { error: 'authorization_pending', text: () => 'OAuth 2.0 device flow error. Authorization is pending. Continue polling.' },
  70019: { error: 'authorization_declined', text: () => 'The user declined the sign-in request.' },
  70020: { error: 'expired_token', text: () => "The provided value for the input parameter 'device_code' is not valid. This device code has expired." },
  28000: { error: 'invalid_scope', text: (p: P) => `Provided value for the input parameter scope is not valid because it contains more than one resource. Scope ${p.scope} is not valid.` },
  650053: { error: 'invalid_scope', text: (p: P) => `The application '${p.appName}' asked for scope '${p.scope}' that doesn't exist on the resource '${p.resourceId}'. Contact the app vendor.` },
  700082: { error: 'invalid_grant', text: (p: P) => `The refresh token has expired due to inactivity. The token was issued on ${p.issuedAt} and was inactive for 90.00:00:00.` },
  90002: { error: 'invalid_tenant', text: (p: P) => `Tenant '${p.tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.` },
  90014: { error: 'invalid_request', text: (p: P) => `The required field '${p.field}' is missing from the credential. Ensure that you have all the necessary parameters for the login request.` },
  900144: { error: 'invalid_request', text: (p: P) => `The request body must contain the following parameter: '${p.field}'.` },
  500112: { error: 'invalid_grant', text: (p: P) => `The reply address '${p.redirectUri}' does not match the reply address provided when requesting Authorization code.` },
  501481: { error: 'invalid_grant', text: () => 'The Code_Verifier does not match the code_challenge supplied in the authorization request.' },
  700016: { error: 'unauthorized_client', text: (p: P) => `Application with identifier '${p.clientId}' was not found in the directory '${p.tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.` },
  9002313: { error: 'invalid_grant', text: () => 'Invalid request. Request is malformed or invalid.' },
} as const;

type P = Partial<Record<'clientId' | 'appName' | 'redirectUri' | 'resourceId' | 'tenant' | 'grantType' | 'scope' | 'field' | 'issuedAt' | 'validFrom', string>>;
export type AadCode = keyof typeof catalogue;

export type AadError = {
  code: AadCode;
  error: string;
  /** For the authorize redirect, where Entra uses a different OAuth error for some codes. */
  authorizeError: string;
  description: string;
  timestamp: string;
  traceId: string;
  correlationId: string;
};

export function aadError(code: AadCode, params: P = {}, correlationId: string = randomUUID()): AadError {
  const entry = catalogue[code];
  const timestamp = new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  const traceId = randomUUID();
  const description = `AADSTS${code}: ${entry.text(params)} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`;
  const authorizeError = 'authorizeError' in entry ? entry.authorizeError : entry.error;
  return { code, error: entry.error, authorizeError, description, timestamp, traceId, correlationId };
}

/** The token endpoint's error body, as Entra sends it. */
export function tokenErrorBody(err: AadError): Record<string, unknown> {
  return {
    error: err.error,
    error_description: err.description,
    error_codes: [err.code],
    timestamp: err.timestamp,
    trace_id: err.traceId,
    correlation_id: err.correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${err.code}`,
    ...(err.code === 50076 || err.code === 50079 ? { suberror: 'basic_action' } : {}),
  };
}

/** Entra answers every OAuth error of these endpoints with HTTP 400. */
export function sendTokenError(res: ServerResponse, err: AadError): void {
  const status = 400;
  sendJson(res, status, tokenErrorBody(err), { 'x-ms-request-id': err.traceId });
}
