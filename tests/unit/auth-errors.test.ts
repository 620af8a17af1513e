import { AuthError, InteractionRequiredAuthError, ServerError } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import { mapAuthError, SignInCancelledError } from '../../src/main/auth/map-auth-error';
import { NetworkUnreachableError } from '../../src/main/net/msal-network-module';
import { AppError } from '../../src/shared/ipc/app-error';

// As MSAL builds them: code, correlation id, Entra's description, suberror, error number.
const server = (code: string, description: string) =>
  new ServerError(code, 'corr-1', description, '', /AADSTS(\d+)/.exec(description)?.[1]);

describe('Entra errors become plain AppErrors with a next step', () => {
  it.each([
    ['AADSTS50076', server('invalid_grant', 'AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication.'), 'mfa-required', /requires multi-factor authentication/],
    ['AADSTS50079', server('interaction_required', 'AADSTS50079: Due to a configuration change made by your administrator, you must enroll in multi-factor authentication.'), 'mfa-required', /set up multi-factor authentication/],
    ['AADSTS65001', new InteractionRequiredAuthError('consent_required', 'corr-2', 'AADSTS65001: The user or administrator has not consented to use the application.'), 'consent-required', /not been given permission/],
    ['AADSTS50126', server('invalid_grant', 'AADSTS50126: Error validating credentials due to invalid username or password.'), 'bad-credentials', /user name or password is incorrect/],
    ['AADSTS53003', server('access_denied', 'AADSTS53003: Access has been blocked by Conditional Access policies.'), 'blocked-by-conditional-access', /Conditional Access policy .* blocked/],
    ['AADSTS700016', server('unauthorized_client', "AADSTS700016: Application with identifier '0000' was not found in the directory 'contoso'."), 'unknown-client', /client ID\) is not known/],
    ['AADSTS90094', server('access_denied', 'AADSTS90094: Admin consent is required.'), 'consent-required', /admin to approve/],
  ])('%s', (aadsts, error, code, message) => {
    const mapped = mapAuthError(error);
    expect(mapped).toBeInstanceOf(AppError);
    expect(mapped.code).toBe(code);
    expect(mapped.message).toMatch(message);
    expect(mapped.message).toContain(`(${aadsts})`);
    expect(mapped.nextStep).toBeTruthy();
    // The server's own text (which can quote user input) is not passed through.
    expect(mapped.message).not.toMatch(/Due to a configuration change|identifier '0000'/);
  });

  it('network failures, however MSAL wraps them', () => {
    expect(mapAuthError(new NetworkUnreachableError('https://login.microsoftonline.com/x', 'ENOTFOUND'))).toMatchObject({
      code: 'network',
      message: expect.stringContaining('ENOTFOUND'),
    });
    const wrapped = Object.assign(new AuthError('endpoints_resolution_error', 'corr', 'Could not resolve endpoints'), {
      cause: new NetworkUnreachableError('https://127.0.0.1:1/t', 'ECONNREFUSED'),
    });
    expect(mapAuthError(wrapped)).toMatchObject({ code: 'network', message: expect.stringContaining('ECONNREFUSED') });
    expect(mapAuthError(new AuthError('network_error', 'corr', 'Network request failed'))).toMatchObject({ code: 'network' });
  });

  it('user cancel: ours, MSAL device-code cancel, declined in the browser', () => {
    expect(mapAuthError(new SignInCancelledError()).code).toBe('sign-in-cancelled');
    expect(mapAuthError(new AuthError('device_code_polling_cancelled', 'corr', 'cancelled')).code).toBe('sign-in-cancelled');
    expect(mapAuthError(new AuthError('post_request_failed', 'corr', 'authorization_declined')).code).toBe('sign-in-cancelled');
    expect(mapAuthError(server('access_denied', 'The user cancelled')).code).toBe('sign-in-cancelled');
  });

  it('an expired device code and an expired session say what to do', () => {
    expect(mapAuthError(new AuthError('post_request_failed', 'corr', 'expired_token'))).toMatchObject({ code: 'sign-in-failed', message: /expired/ });
    expect(mapAuthError(new InteractionRequiredAuthError('interaction_required', 'corr', 'refresh token expired')).code).toBe('not-signed-in');
  });

  it('anything else is a generic failure carrying only its code', () => {
    const mapped = mapAuthError(server('invalid_request', 'AADSTS90014: The required field secret-looking-value is missing.'));
    expect(mapped.code).toBe('sign-in-failed');
    expect(mapped.message).toBe('Sign-in failed (AADSTS90014).');
    expect(mapAuthError(new Error('boom')).message).toBe('Sign-in failed (no error code).');
  });

  it('an error number that is not digits (say "toString") is no AADSTS code', () => {
    for (const errorNo of ['toString', 'constructor', '__proto__', '50126x']) {
      const mapped = mapAuthError(Object.assign(server('invalid_request', 'no code here'), { errorNo }));
      expect(mapped.code).toBe('sign-in-failed');
      expect(mapped.message).toBe('Sign-in failed (invalid_request).');
    }
    expect(mapAuthError(Object.assign(server('invalid_grant', 'x'), { errorNo: 50126 })).code).toBe('bad-credentials');
  });

  it('device code: MSAL keeps only "invalid_grant", the code Entra sent comes from the network hint', () => {
    const polled = new AuthError('post_request_failed', 'corr', 'invalid_grant');
    expect(mapAuthError(polled, { error: 'invalid_grant', errorCodes: [53003] }).code).toBe('blocked-by-conditional-access');
    expect(mapAuthError(polled).code).toBe('sign-in-failed');
  });

  it('passes AppErrors through untouched', () => {
    const original = new AppError({ code: 'not-signed-in', message: 'x' });
    expect(mapAuthError(original)).toBe(original);
  });
});
