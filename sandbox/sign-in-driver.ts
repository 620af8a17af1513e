import type { Page } from 'playwright-core';

/** Element ids of the sandbox's sign-in pages (the same ids Entra's pages use). */
export const signInSelectors = {
  upn: '#i0116',
  password: '#i0118',
  submit: '#idSIButton9',
  passwordError: '#passwordError',
  mfaCode: '#idTxtBx_SAOTCC_OTC',
  mfaSubmit: '#idSubmit_SAOTCC_Continue',
  mfaError: '#idSpan_SAOTCC_Error_OTC',
  deviceCode: '#otc',
  deviceCodeError: '#error',
  errorCode: '#errorCode',
  deviceDone: '#message',
  securityInfo: '#signedInAs',
} as const;

export type SignInOutcome = 'left-sandbox' | 'password-rejected' | 'mfa-rejected' | 'error-page' | 'device-done' | 'security-info';

/** Resolves with `label` when `promise` resolves; never settles when it rejects (page closed, etc.). */
const when = <T>(promise: Promise<T>, label: SignInOutcome): Promise<SignInOutcome> =>
  promise.then(
    () => label,
    () => new Promise<SignInOutcome>(() => undefined),
  );

async function nextStep(page: Page, sandboxOrigin: string, timeout: number): Promise<SignInOutcome | 'mfa'> {
  const options = { timeout, state: 'attached' as const };
  return Promise.race([
    when(page.waitForURL((url) => url.origin !== sandboxOrigin, { timeout }), 'left-sandbox'),
    when(page.waitForSelector(signInSelectors.passwordError, options), 'password-rejected'),
    when(page.waitForSelector(signInSelectors.mfaError, options), 'mfa-rejected'),
    when(page.waitForSelector(signInSelectors.errorCode, options), 'error-page'),
    when(page.waitForSelector(signInSelectors.deviceDone, options), 'device-done'),
    when(page.waitForSelector(signInSelectors.securityInfo, options), 'security-info'),
    page.waitForSelector(`${signInSelectors.mfaCode}:not([data-answered])`, options).then(
      () => 'mfa' as const,
      () => new Promise<'mfa'>(() => undefined),
    ),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('The sign-in page did not reach a known state in time.')), timeout + 1000)),
  ]);
}

/**
 * Completes the sandbox sign-in page open in `page`: user name and password, then the MFA
 * code when the scenario asks for one. Resolves with where the page ended up.
 */
export async function completeSignIn(
  page: Page,
  sandboxOrigin: string,
  credentials: { upn: string; password: string; mfaCode: string },
  timeout = 15_000,
): Promise<SignInOutcome> {
  await page.waitForSelector(signInSelectors.upn, { timeout });
  await page.fill(signInSelectors.upn, credentials.upn);
  await page.fill(signInSelectors.password, credentials.password);
  await page.click(signInSelectors.submit);
  const step = await nextStep(page, sandboxOrigin, timeout);
  if (step !== 'mfa') return step;
  await page.fill(signInSelectors.mfaCode, credentials.mfaCode);
  await page.$eval(signInSelectors.mfaCode, (input) => input.setAttribute('data-answered', ''));
  await page.click(signInSelectors.mfaSubmit);
  const after = await nextStep(page, sandboxOrigin, timeout);
  // A wrong code shows the prompt again, with an error under it.
  if (after === 'mfa') return 'mfa-rejected';
  return after;
}

/** Opens the device-code page, enters the user code, then signs in. */
export async function completeDeviceSignIn(
  page: Page,
  sandboxOrigin: string,
  deviceLoginUrl: string,
  input: { userCode: string; upn: string; password: string; mfaCode: string },
  timeout = 15_000,
): Promise<SignInOutcome> {
  await page.goto(deviceLoginUrl);
  await page.fill(signInSelectors.deviceCode, input.userCode);
  await page.click(signInSelectors.submit);
  return completeSignIn(page, sandboxOrigin, input, timeout);
}
