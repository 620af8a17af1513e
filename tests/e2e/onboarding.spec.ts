import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Browser } from 'playwright-core';
import { startSandbox } from '../../sandbox/index';
import { readinessReportHtml } from '../../src/main/documents/readiness-report';
import type { Platform } from '../../src/main/platform-port';
import { decideReadiness } from '../../src/shared/readiness/model';
import type { Verdict } from '../../src/shared/readiness/verdict';
import { launchTestBrowser } from '../support/chromium';
import { fakePlatform } from '../support/fake-platform';
import { openTestShell } from '../support/shell';
import { adele, verdicts, wizardServices, type WizardScenario } from '../support/wizard-fakes';
import { expectNoAxeViolations, expectScreen } from '../support/wizard-page';

// Issue "an onboarding that never traps the user": one test (or more) per finding, against the
// built renderer in the Chromium shell with scripted services (the sandbox where a page is its).

let browser: Browser;
test.beforeAll(async () => {
  browser = await launchTestBrowser();
});
test.afterAll(async () => {
  await browser.close();
});

const sandboxSecurityInfo = 'https://127.0.0.1:44321/security-info';

async function open(scenario: WizardScenario, options: { platform?: Platform & { opened: string[]; saved: string[] }; colorScheme?: 'light' | 'dark' } = {}) {
  const services = wizardServices(scenario);
  const platform = options.platform ?? fakePlatform();
  const shell = await openTestShell(browser, services, platform, options.colorScheme ?? 'light');
  return { ...shell, services, platform };
}

const next = (page: Page, name = 'Next') => page.getByRole('button', { name, exact: true }).click();

/** A verdict as the readiness model makes it, for a non-admin whose policies Graph would not show. */
const graphDenied = 'Microsoft Graph answered 403 (Authorization_RequestDenied): reading policies needs an admin role.';
const nonAdmin: Verdict = decideReadiness({
  account: { upn: adele.upn, tenantId: adele.tenantId },
  facts: {
    perUserMfa: 'unknown',
    securityDefaults: 'unknown',
    conditionalAccessMfa: 'unknown',
    methods: ['password', 'microsoftAuthenticator', 'phone'],
    signInUsedMfa: true,
  },
  unknownWhy: { perUserMfa: graphDenied, securityDefaults: graphDenied, conditionalAccessMfa: graphDenied },
  today: '2026-06-01',
});
/** Per-user MFA enforced, nothing visibly blocking: the app-password route. */
const perUserMfa: Verdict = decideReadiness({
  account: { upn: adele.upn, tenantId: adele.tenantId },
  facts: { perUserMfa: 'enforced', securityDefaults: false, conditionalAccessMfa: false, methods: ['microsoftAuthenticator'], signInUsedMfa: true },
  today: '2026-06-01',
});
/** Security defaults on: OAuth recommended, the app-password steps conditional or risky. */
const securityDefaults: Verdict = decideReadiness({
  account: { upn: adele.upn, tenantId: adele.tenantId },
  facts: { perUserMfa: 'disabled', securityDefaults: true, conditionalAccessMfa: false, methods: ['microsoftAuthenticator'], signInUsedMfa: true },
  today: '2026-06-01',
});

/** Welcome (signed in already) -> Get started -> Account check -> Fix steps. */
async function toFixSteps(page: Page) {
  await page.getByRole('button', { name: 'Get started' }).click();
  await expect(page.getByText(`Signed in as ${adele.name}`)).toBeVisible();
  await next(page);
  await expectScreen(page, 'Account check');
  await next(page);
  await expectScreen(page, 'Fix steps');
}

async function storePassword(page: Page) {
  await next(page, 'Next: app password');
  await page.getByLabel('App password', { exact: true }).fill('abcdefghijklmnop');
  await next(page, 'Next: store it');
  await page.getByRole('button', { name: 'Save to the keychain' }).click();
  await expect(page.getByTestId('stored')).toBeVisible();
}

test.describe('1. Done shows what was proven, per route', () => {
  test('app password refused (5.7.30), OAuth passed: Done offers OAuth only and says why', async () => {
    const { page, close } = await open({ signedIn: true, smtp: { 'app-password': 'basic-auth-retired' } });
    await toFixSteps(page);
    await storePassword(page);
    await next(page, 'Next: test the login');
    await page.getByRole('button', { name: 'Test the app password' }).click();
    await expect(page.getByTestId('result-app-password')).toContainText('refused');
    await page.getByRole('button', { name: 'Test with OAuth (XOAUTH2)' }).click();
    await expect(page.getByTestId('result-oauth')).toContainText('login works');
    await next(page, 'Next: finish');
    await expectScreen(page, "You're ready");
    await expect(page.getByTestId('proven-oauth')).toContainText('OAuth 2.0 (XOAUTH2)');
    await expect(page.getByTestId('proven-app-password')).toHaveCount(0);
    await expect(page.getByText('keychain service')).toHaveCount(0);
    await expect(page.getByTestId('refused-app-password')).toContainText('do not use it');
    await expect(page.getByTestId('refused-app-password')).toContainText('needs to support OAuth');
    await expectNoAxeViolations(page, 'done, OAuth proven');
    await close();
  });

  test('a non-admin on the OAuth route: Done shows OAuth, never a keychain password', async () => {
    const { page, close } = await open({ signedIn: true, verdict: verdicts.securityDefaults, alreadyStored: true });
    await toFixSteps(page);
    await next(page, 'Next: test the login');
    await page.getByRole('button', { name: 'Test with OAuth (XOAUTH2)' }).click();
    await expect(page.getByTestId('result-oauth')).toContainText('login works');
    await next(page, 'Next: finish');
    await expect(page.getByTestId('proven-summary')).toContainText('OAuth (XOAUTH2)');
    await expect(page.getByText('keychain service')).toHaveCount(0);
    await close();
  });
});

test.describe('2. Sign-in never traps the user', () => {
  test('Back during a browser sign-in cancels it, so Get started can sign in again', async () => {
    const { page, services, close } = await open({ signIn: 'wait-for-release' });
    await page.getByRole('button', { name: 'Get started' }).click();
    await page.getByRole('button', { name: 'Sign in with your browser' }).click();
    await expect(page.getByTestId('sign-in-status')).toContainText('Waiting for you to finish signing in');
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await expect.poll(() => services.calls.filter((c) => c === 'auth.cancel').length).toBe(1);
    await page.getByRole('button', { name: 'Get started' }).click();
    await page.getByRole('button', { name: 'Sign in with your browser' }).click();
    await expect(page.getByTestId('sign-in-status')).toContainText('Waiting for you to finish signing in');
    await expect(page.getByText('already in progress')).toHaveCount(0);
    services.releaseSignIn();
    await expect(page.getByText(`Signed in as ${adele.name}`)).toBeVisible();
    await close();
  });

  test('a sign-in nobody finishes stops waiting with a message, and can start again', async () => {
    const { page, services, close } = await open({ signIn: 'wait-for-release' });
    await page.clock.install();
    await page.getByRole('button', { name: 'Get started' }).click();
    await page.getByRole('button', { name: 'Sign in with your browser' }).click();
    await expect(page.getByRole('button', { name: 'Cancel sign-in' })).toBeVisible();
    await page.clock.fastForward('11:00');
    await expect(page.getByTestId('sign-in-timed-out')).toContainText('stopped waiting');
    expect(services.calls).toContain('auth.cancel');
    await expect(page.getByRole('button', { name: 'Sign in with your browser' })).toBeVisible();
    await expectNoAxeViolations(page, 'sign-in timed out');
    await close();
  });

  test('a waiting browser sign-in offers to reopen its page (a closed tab)', async () => {
    const { page, services, close } = await open({ signIn: 'wait-for-release' });
    await page.getByRole('button', { name: 'Get started' }).click();
    await page.getByRole('button', { name: 'Sign in with your browser' }).click();
    await page.getByRole('button', { name: 'Open the sign-in page again' }).click();
    await expect.poll(() => services.calls.filter((c) => c === 'auth.signIn:browser').length).toBe(2);
    expect(services.calls).toContain('auth.cancel');
    await expect(page.getByText('already in progress')).toHaveCount(0);
    services.releaseSignIn();
    await expect(page.getByText(`Signed in as ${adele.name}`)).toBeVisible();
    // Signed in: focus moves on to Next, not to the page body.
    await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeFocused();
    await close();
  });
});

test('3. a returning user sees where the account stands and can test again or replace the password', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'm365-onboarding-'));
  try {
    const platform = { ...fakePlatform(), appDataDir: () => dataDir };
    const first = await open({ signedIn: true, alreadyStored: true }, { platform });
    await expect(first.page.getByTestId('returning-user')).toContainText('An app password is stored');
    await expect(first.page.getByTestId('returning-user')).toContainText('No test login yet');
    await first.page.getByRole('button', { name: 'Test again' }).click();
    await expectScreen(first.page, 'Test the login');
    await first.page.getByRole('button', { name: 'Test the app password' }).click();
    await expect(first.page.getByTestId('result-app-password')).toContainText('login works');
    await first.close();

    // Only the route, the outcome and the time are remembered: never the password.
    const remembered = await readFile(join(dataDir, 'last-tests.json'), 'utf8');
    expect(remembered).toContain('"cause": "ok"');
    expect(remembered).not.toContain('oldpasswordoldpw');

    // A restart: new handlers over the same data folder.
    const again = await open({ signedIn: true, alreadyStored: true }, { platform });
    const card = again.page.getByTestId('returning-user');
    await expect(card).toContainText(`Welcome back, ${adele.name}`);
    await expect(card).toContainText('Last test login with App password: worked');
    await expectNoAxeViolations(again.page, 'welcome back');
    await again.page.getByRole('button', { name: 'Replace the app password' }).click();
    await expectScreen(again.page, 'Create an app password');
    // Not forced to paste a new one: the stored one can be tested from here.
    await again.page.getByRole('button', { name: 'Test the stored one' }).click();
    await expectScreen(again.page, 'Test the login');
    await again.close();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('3. keeping the stored password is a way on to the test', async () => {
  const { page, close } = await open({ signedIn: true, alreadyStored: true });
  await toFixSteps(page);
  await next(page, 'Next: app password');
  await page.getByLabel('App password', { exact: true }).fill('qrstuvwxyzabcdef');
  await next(page, 'Next: store it');
  await page.getByRole('button', { name: 'Replace the stored password…' }).click();
  await page.getByRole('button', { name: 'Keep the old one' }).click();
  await expect(page.getByTestId('kept-old')).toBeVisible();
  await next(page, 'Next: test the login');
  await expectScreen(page, 'Test the login');
  await close();
});

test('4. the suggested app password name meets Security info’s 8-character minimum', async () => {
  const { page, close } = await open({ signedIn: true });
  await toFixSteps(page);
  await next(page, 'Next: app password');
  const steps = await page.getByRole('list', { name: 'How to create an app password' }).innerText();
  const example = /for example “([^”]+)”/.exec(steps)?.[1] ?? '';
  expect(example.length).toBeGreaterThanOrEqual(8);
  await close();
});

test.describe('5. No internal names; the app and the report say the same thing', () => {
  test('facts, methods and unknowns read as the report reads them, a repeated reason once', async () => {
    const { page, close } = await open({ signedIn: true, verdict: nonAdmin });
    await page.getByRole('button', { name: 'Get started' }).click();
    await next(page);
    await expectScreen(page, 'Account check');
    const text = await page.locator('main').innerText();
    for (const internal of ['appPasswordsAllowed', 'smtpAuthEnabled', 'microsoftAuthenticator', '(guide ']) {
      expect(text).not.toContain(internal);
    }
    await expect(page.getByTestId('facts')).toContainText('Password, Microsoft Authenticator, Phone');
    expect(text.split('Authorization_RequestDenied').length - 1).toBe(1);
    // One source: every fact row on screen is in the exported report, word for word.
    const report = readinessReportHtml(nonAdmin, new Date());
    const rows = await page.getByTestId('facts').locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? '')),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const [label, value] of rows) {
      expect(report).toContain(`<th scope="row">${label}</th><td>${value}</td>`);
    }
    await close();
  });

  test('a keychain error shows commands as code, not markdown backticks; a failed test names no internal cause', async () => {
    const { page, close } = await open({ signedIn: true, keychainUnavailable: true, smtp: { oauth: 'smtp-auth-disabled-tenant' } });
    await toFixSteps(page);
    await next(page, 'Next: app password');
    await page.getByLabel('App password', { exact: true }).fill('abcdefghijklmnop');
    await next(page, 'Next: store it');
    const error = page.getByTestId('error-message');
    await expect(error.locator('code').first()).toHaveText('dbus-run-session');
    expect(await error.innerText()).not.toContain('`');
    await page.getByRole('button', { name: /Test with OAuth instead/ }).first().click();
    await page.getByRole('button', { name: 'Test with OAuth (XOAUTH2)' }).click();
    await expect(page.getByTestId('result-oauth')).toContainText('refused');
    await expect(page.locator('main')).not.toContainText('smtp-auth-disabled-tenant');
    await close();
  });

  test('guides cite Microsoft Learn pages a reader can open', async () => {
    const { page, close } = await open({});
    await page.getByRole('button', { name: 'Guides', exact: true }).click();
    await page.getByRole('button', { name: 'Create an app password', exact: true }).click();
    await page.getByText('Sources', { exact: true }).click();
    const sources = page.locator('details', { hasText: 'Sources' });
    await expect(sources).toContainText('learn.microsoft.com');
    await expect(sources).not.toContainText('shared/reference');
    await expect(sources).not.toContainText('seed 0');
    await close();
  });
});

test.describe('6. One recommended path; risky and conditional steps under Other options', () => {
  test('nothing blocks an app password: the path starts with creating it, the admin step is an option', async () => {
    const { page, close } = await open({ signedIn: true, verdict: perUserMfa });
    await toFixSteps(page);
    const path = page.getByTestId('recommended-steps');
    await expect(path.getByRole('heading', { level: 2 }).first()).toHaveText('1. Create an app password');
    await expect(path.getByTestId('fix-step-allow-app-passwords')).toHaveCount(0);
    await page.getByRole('button', { name: /Other options/ }).click();
    await expect(page.getByTestId('other-options').getByTestId('fix-step-allow-app-passwords')).toBeVisible();
    await expectNoAxeViolations(page, 'fix steps, other options open');
    await close();
  });

  test('security defaults: OAuth is the path; turning them off is an option with its risk stated', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, platform, close } = await open({ signedIn: true, verdict: securityDefaults }, { colorScheme });
      await toFixSteps(page);
      await expect(page.getByTestId('recommended-steps').locator('li')).toHaveCount(1);
      await expect(page.getByTestId('fix-step-oauth-route')).toBeVisible();
      await page.getByRole('button', { name: /Other options/ }).click();
      const risky = page.getByTestId('fix-step-disable-security-defaults');
      await expect(risky.getByTestId('risk')).toContainText('Risk:');
      await expectNoAxeViolations(page, `fix steps, security defaults (${colorScheme})`);
      // Stuck here, or waiting for the admin: the report is exportable from this screen.
      await page.getByRole('button', { name: 'Export report (HTML)' }).click();
      await expect(page.getByTestId('report-saved')).toContainText('m365-connect-readiness.html');
      expect(platform.saved).toEqual(['m365-connect-readiness.html']);
      await close();
    }
  });
});

test('7. without a keychain: retry, and the OAuth test is still reachable', async () => {
  const { page, services, close } = await open({ signedIn: true, keychainUnavailable: true });
  await toFixSteps(page);
  await next(page, 'Next: app password');
  await page.getByLabel('App password', { exact: true }).fill('abcdefghijklmnop');
  await next(page, 'Next: store it');
  await expect(page.getByText('The keychain could not be reached')).toBeVisible();
  await expect(page.getByText('The keychain did not accept it')).toHaveCount(0);
  await expectNoAxeViolations(page, 'store, no keychain');
  await page.getByRole('button', { name: 'Try the keychain again' }).click();
  await expect(page.getByText('The keychain could not be reached')).toBeVisible();
  await page.getByRole('button', { name: /Test with OAuth instead/ }).click();
  await expectScreen(page, 'Test the login');
  await page.getByRole('button', { name: 'Test with OAuth (XOAUTH2)' }).click();
  await expect(page.getByTestId('result-oauth')).toContainText('login works');
  expect(services.calls).toContain('smtp.test:oauth');
  await close();
});

test.describe('8. The demo tenant stays in the demo tenant', () => {
  test('"Open the page" on a fix step and in a guide opens the sandbox’s Security info', async () => {
    const { page, platform, close } = await open({ signedIn: true, demoTenant: true, securityInfoUrl: sandboxSecurityInfo });
    await toFixSteps(page);
    await page.getByRole('button', { name: 'Open the page: Create an app password' }).click();
    await expect.poll(() => platform.opened).toEqual([sandboxSecurityInfo]);
    await page.getByRole('button', { name: 'Read the guide: Create an app password' }).click();
    await page.getByRole('button', { name: 'Open Security info' }).first().click();
    await expect.poll(() => platform.opened).toEqual([sandboxSecurityInfo, sandboxSecurityInfo]);
    await close();
  });

  test('the sandbox’s sign-in pages show the demo user’s password and MFA code', async () => {
    const sandbox = await startSandbox({ scenario: 'ready-user' });
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    try {
      const page = await context.newPage();
      await page.goto(sandbox.securityInfoUrl);
      const user = sandbox.scenario.users[0];
      if (!user) throw new Error('the scenario has no user');
      const hint = page.getByRole('complementary', { name: 'Demo tenant' });
      await expect(hint).toContainText(user.upn);
      await expect(hint).toContainText(user.password);
      await page.locator('#i0116').fill(user.upn);
      await page.locator('#i0118').fill(user.password);
      await page.locator('#idSIButton9').click();
      await expect(page.getByRole('complementary', { name: 'Demo tenant' })).toContainText(user.mfaCode);
    } finally {
      await context.close();
      await sandbox.stop();
    }
  });
});

test('9. the pasted app password survives reading the guide', async () => {
  const { page, close } = await open({ signedIn: true });
  await toFixSteps(page);
  await next(page, 'Next: app password');
  await page.getByLabel('App password', { exact: true }).fill('abcd efgh ijkl mnop');
  await page.getByRole('button', { name: 'Read the full guide' }).click();
  await expect(page.getByTestId('guide-viewer')).toBeVisible();
  await page.getByRole('button', { name: 'Back to the wizard' }).click();
  await expectScreen(page, 'Create an app password');
  await expect(page.getByLabel('App password', { exact: true })).toHaveValue('abcd efgh ijkl mnop');
  await close();
});

test('10. Verify keeps one progress list per route; finished stages read as finished', async () => {
  const { page, close } = await open({ signedIn: true, smtp: { 'app-password': 'basic-auth-retired' } });
  await toFixSteps(page);
  await storePassword(page);
  await next(page, 'Next: test the login');
  await page.getByRole('button', { name: 'Test the app password' }).click();
  await expect(page.getByTestId('result-app-password')).toBeVisible();
  await page.getByRole('button', { name: 'Test with OAuth (XOAUTH2)' }).click();
  await expect(page.getByTestId('result-oauth')).toContainText('login works');
  const appPassword = page.getByTestId('route-app-password');
  const oauth = page.getByTestId('route-oauth');
  await expect(appPassword.locator('[data-stage="auth"]')).toHaveAttribute('data-state', 'failed');
  await expect(oauth.locator('[data-stage="auth"]')).toHaveAttribute('data-state', 'ok');
  await expect(appPassword.getByTestId('smtp-stages')).not.toContainText('XOAUTH2');
  await expect(oauth.getByTestId('smtp-stages')).toContainText('XOAUTH2');
  await expect(page.locator('main')).not.toContainText('in progress');
  await expect(page.locator('main')).not.toContainText('Stopped:');
  await close();
});

test('11. the step indicator: no radio look, skipped steps not ticked, earlier steps are links', async () => {
  const { page, close } = await open({ signedIn: true, verdict: verdicts.securityDefaults });
  await toFixSteps(page);
  await next(page, 'Next: test the login');
  const indicator = page.getByTestId('step-indicator');
  await expect(indicator.locator('[data-state="skipped"]')).toHaveCount(2);
  await expect(indicator.locator('li', { hasText: 'App password' })).toContainText('skipped');
  await expect(indicator.getByRole('radio')).toHaveCount(0);
  await indicator.getByRole('button', { name: /Account check/ }).click();
  await expectScreen(page, 'Account check');
  await expectNoAxeViolations(page, 'step indicator after going back');
  await close();
});

test.describe('12. Layout at 800×600', () => {
  test('the action bar stays in view, Start over sits in it, no focus box on the heading, no disabled radio', async () => {
    const { page, close } = await open({ signedIn: true, verdict: nonAdmin });
    await page.setViewportSize({ width: 800, height: 600 });
    await expect(page.getByRole('radio')).toHaveCount(0);
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toBeFocused();
    expect(await heading.evaluate((h) => getComputedStyle(h).outlineStyle)).toBe('none');
    await toFixSteps(page);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(600);
    const nav = page.getByTestId('wizard-nav');
    const box = await nav.boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(600);
    // Keyboard focus never hides behind the pinned bar (WCAG 2.4.11): tab down to the report export.
    const target = page.getByRole('button', { name: 'Export report (HTML)' });
    for (let presses = 0; presses < 40 && !(await target.evaluate((el) => el === document.activeElement)); presses += 1) {
      await page.keyboard.press('Tab');
    }
    await expect(target).toBeFocused();
    const focused = await target.boundingBox();
    const bar = await nav.boundingBox();
    expect(focused && bar && focused.y + focused.height).toBeLessThanOrEqual(bar?.y ?? 0);
    await close();
  });

  test('Done: Start over is in the action bar, the user name is not broken mid-word', async () => {
    const { page, close } = await open({ signedIn: true, verdict: verdicts.securityDefaults });
    await page.setViewportSize({ width: 800, height: 600 });
    await toFixSteps(page);
    await next(page, 'Next: test the login');
    await page.getByRole('button', { name: 'Test with OAuth (XOAUTH2)' }).click();
    await expect(page.getByTestId('result-oauth')).toContainText('login works');
    await next(page, 'Next: finish');
    await expect(page.getByTestId('wizard-nav').getByRole('button', { name: 'Start over' })).toBeVisible();
    const cell = page.getByRole('cell', { name: adele.upn, exact: true });
    const lines = await cell.evaluate((td) => {
      const range = document.createRange();
      range.selectNodeContents(td);
      return new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size;
    });
    expect(lines).toBe(1);
    await expectNoAxeViolations(page, 'done at 800x600');
    await close();
  });
});

test.describe('13. Feedback', () => {
  test('a PDF report says it is being prepared', async () => {
    let finish = () => {};
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const platform = fakePlatform();
    const slow = {
      ...platform,
      renderPdf: async () => {
        await finished;
        return new Uint8Array([0x25, 0x50, 0x44, 0x46]);
      },
    };
    const { page, close } = await open({ signedIn: true }, { platform: slow });
    await toFixSteps(page);
    await page.getByRole('button', { name: 'Export report (PDF)' }).click();
    await expect(page.getByText('Preparing the PDF report…')).toBeVisible();
    finish();
    await expect(page.getByTestId('report-saved')).toContainText('.pdf');
    await close();
  });

  test('guide exports are named by what they hold; search forgives a typo', async () => {
    const { page, platform, close } = await open({});
    await page.getByRole('button', { name: 'Guides', exact: true }).click();
    await page.getByRole('searchbox', { name: 'Search the guides' }).fill('app pasword');
    await expect(page.getByRole('list', { name: 'Search results' })).toContainText('Create an app password');
    await page.getByRole('searchbox', { name: 'Search the guides' }).fill('');
    await page.getByRole('button', { name: 'Create an app password', exact: true }).click();
    await page.getByRole('button', { name: 'Export to HTML' }).click();
    await expect.poll(() => platform.saved.length).toBe(1);
    await page.getByRole('button', { name: 'All guides' }).click();
    await page.getByRole('button', { name: 'Use an app password in Outlook and in a backup tool', exact: true }).click();
    await page.getByRole('button', { name: 'Export to HTML' }).click();
    await expect.poll(() => platform.saved.length).toBe(2);
    const [first, second] = platform.saved;
    expect(first).toMatch(/^m365-connect-guide-create-app-password-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}\.html$/);
    expect(second).toMatch(/^m365-connect-guide-use-app-password-/);
    await close();
  });

  test('after Save, focus moves to Next', async () => {
    const { page, close } = await open({ signedIn: true });
    await toFixSteps(page);
    await storePassword(page);
    await expect(page.getByRole('button', { name: 'Next: test the login' })).toBeFocused();
    await close();
  });
});
