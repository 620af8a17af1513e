import { ServerError } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import { mapAuthError } from '../../src/main/auth/map-auth-error';
import { cloudNames, cloudPresets } from '../../src/main/config/clouds';
import { aadstsCatalogue } from '../../src/shared/readiness/aadsts';
import { adminConsentUrl, adminMessage, adminMessageForAadsts, adminMessageForStep } from '../../src/shared/readiness/admin-message';

const clientId = '7f3e2c1a-4b5d-4e6f-8a9b-0c1d2e3f4a5b';
const tenant = 'contoso.onmicrosoft.com';
const user = 'adele.vance@contoso.onmicrosoft.com';
const publicCloud = { authorityHost: cloudPresets.public.authorityHost, tenant, clientId };
const server = (code: string, description: string) => new ServerError(code, 'corr-1', description, '', /AADSTS(\d+)/.exec(description)?.[1]);

describe('admin-consent URL, per cloud', () => {
  it.each(cloudNames)('%s', (cloud) => {
    const url = adminConsentUrl({ authorityHost: cloudPresets[cloud].authorityHost, tenant, clientId });
    expect(url).toBe(`${cloudPresets[cloud].authorityHost}/${tenant}/adminconsent?client_id=${clientId}`);
    expect(new URL(url).searchParams.get('client_id')).toBe(clientId);
  });

  it('the public cloud, exactly as Microsoft documents it', () => {
    expect(adminConsentUrl(publicCloud)).toBe(`https://login.microsoftonline.com/${tenant}/adminconsent?client_id=${clientId}`);
  });
});

describe('the message for the admin', () => {
  it('says who, which tenant, what is needed, why, and the link', () => {
    const text = adminMessage({ user, tenant, need: 'grant admin consent for the app.', why: 'Nobody consented.', link: 'https://example.test/x' });
    expect(text).toBe(
      [
        'Hello,',
        '',
        `I (${user}) need an administrator of our Microsoft 365 tenant (${tenant}) to grant admin consent for the app.`,
        '',
        'Why: Nobody consented.',
        '',
        'Link: https://example.test/x',
        '',
        'Thank you.',
      ].join('\n'),
    );
  });

  it.each(['65001', '90094', '90095', '700016'])('AADSTS%s carries the admin-consent URL for this app and tenant', (code) => {
    const text = adminMessageForAadsts(code, { ...publicCloud, user });
    expect(text).toContain(`Link: https://login.microsoftonline.com/${tenant}/adminconsent?client_id=${clientId}`);
    expect(text).toContain(user);
    expect(text).toContain(`AADSTS${code}`);
  });

  it('a US Government tenant gets its own sign-in host', () => {
    const text = adminMessageForAadsts('65001', { authorityHost: cloudPresets['usgov-high'].authorityHost, tenant, clientId, user });
    expect(text).toContain(`Link: https://login.microsoftonline.us/${tenant}/adminconsent?client_id=${clientId}`);
  });

  it.each(['53003', '530003'])('AADSTS%s names the Conditional Access policies the check could read, or says it could not', (code) => {
    expect(adminMessageForAadsts(code, { ...publicCloud, user, policyNames: ['Block legacy authentication', 'Require compliant device'] })).toContain(
      'as far as the app could read them: "Block legacy authentication", "Require compliant device".',
    );
    expect(adminMessageForAadsts(code, { ...publicCloud, user })).toMatch(/could not read which Conditional Access policies apply/);
    expect(adminMessageForAadsts(code, { ...publicCloud, user })).not.toContain('Link:');
  });

  it.each(['7000112', '50011', '500011', '50105', '50158'])('AADSTS%s says what the admin must change', (code) => {
    const text = adminMessageForAadsts(code, { ...publicCloud, user });
    expect(text).toContain(aadstsCatalogue[code]!.admin!.need.replace(/\.$/, ''));
  });

  it.each(['700082', '50173', '70043', '50076', '50079', '50126'])('AADSTS%s needs no admin: the user signs in again or fixes it', (code) => {
    expect(adminMessageForAadsts(code, { ...publicCloud, user })).toBeNull();
  });

  it('an admin step of the verdict', () => {
    const text = adminMessageForStep(
      { guide: 'enable-per-user-mfa', who: 'admin', why: 'App passwords exist only with per-user MFA.' },
      { user, tenant, title: 'Turn on per-user MFA', link: 'https://entra.microsoft.com/' },
    );
    expect(text).toContain('to do this for me: Turn on per-user MFA.');
    expect(text).toContain('Why: App passwords exist only with per-user MFA.');
    expect(text).toContain('Link: https://entra.microsoft.com/');
  });
});

describe('sign-in errors become admin steps (mapAuthError with the app identity)', () => {
  const admin = { ...publicCloud, user };

  it('consent: the next step and the admin message carry the consent URL; the server text does not pass', () => {
    const mapped = mapAuthError(server('invalid_grant', 'AADSTS65001: The user or administrator has not consented to use the application with ID secret-ish.'), null, admin);
    expect(mapped.code).toBe('consent-required');
    expect(mapped.nextStep).toContain(`https://login.microsoftonline.com/${tenant}/adminconsent?client_id=${clientId}`);
    expect(mapped.toShape().adminMessage).toContain(`I (${user}) need an administrator`);
    expect(mapped.toShape().adminMessage).not.toContain('secret-ish');
  });

  it.each([
    ['700082', 'not-signed-in', /Sign in again/],
    ['50173', 'not-signed-in', /Sign in again/],
    ['70043', 'not-signed-in', /Sign in again/],
    ['7000112', 'sign-in-failed', /enable it/],
    ['50011', 'sign-in-failed', /redirect URI/],
    ['500011', 'sign-in-failed', /right organisation/],
    ['50158', 'mfa-required', /complete every prompt/],
    ['530003', 'blocked-by-conditional-access', /managed device/],
    ['90095', 'consent-required', /adminconsent/],
  ])('AADSTS%s', (code, expectedCode, nextStep) => {
    const mapped = mapAuthError(server('invalid_grant', `AADSTS${code}: something`), null, admin);
    expect(mapped.code).toBe(expectedCode);
    expect(mapped.message).toContain(`(AADSTS${code})`);
    expect(mapped.nextStep).toMatch(nextStep);
    expect(mapped.toShape().adminMessage === undefined).toBe(aadstsCatalogue[code]!.admin === null);
  });

  it('without the app identity (older callers) the error is still explained, with no admin message', () => {
    const mapped = mapAuthError(server('invalid_grant', 'AADSTS90094: Admin consent is required.'));
    expect(mapped.code).toBe('consent-required');
    expect(mapped.toShape().adminMessage).toBeUndefined();
  });
});
