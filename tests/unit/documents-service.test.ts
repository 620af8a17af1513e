import { describe, expect, it } from 'vitest';
import { createDocumentService } from '../../src/main/documents';
import { guideTitle, primaryLink } from '../../src/shared/guides';
import { adminMessageForStep } from '../../src/shared/readiness/admin-message';
import { assessConditionalAccess, parsePolicies } from '../../src/shared/readiness/conditional-access';
import { templates } from '../support/ca-policies';
import { AppError } from '../../src/shared/ipc/app-error';
import { decideReadiness } from '../../src/shared/readiness/model';

const now = () => new Date('2026-11-22T09:30:00Z');
const service = createDocumentService({ now, hiddenGuides: ['disable-per-user-mfa'] });

// A real verdict from the model: security defaults on, so OAuth is recommended and admin steps follow.
const verdict = decideReadiness({
  account: { upn: 'adele@contoso.com', tenantId: '11111111-2222-3333-4444-555555555555' },
  facts: {
    perUserMfa: 'unknown',
    securityDefaults: true,
    conditionalAccessMfa: 'unknown',
    methods: ['#microsoft.graph.passwordAuthenticationMethod', '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod'],
    signInUsedMfa: true,
  },
  unknownWhy: { perUserMfa: '403: needs Policy.Read.All' },
  today: '2026-11-22',
});

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

describe('readiness report HTML', () => {
  const html = service.readinessReportHtml(verdict);
  const plain = text(html);

  it('carries, for every admin step, the same message the wizard copies for the admin', () => {
    const adminSteps = verdict.steps.filter((s) => s.who === 'admin');
    expect(adminSteps.length).toBeGreaterThan(0);
    for (const step of adminSteps) {
      const message = adminMessageForStep(step, { user: verdict.account.upn, tenant: verdict.account.tenantId, title: guideTitle(step.guide), link: primaryLink(step.guide)?.url ?? null });
      expect(text(html)).toContain(text(message));
    }
    expect(html.match(/class="admin-message"/g)?.length).toBe(adminSteps.length);
  });

  it('lists the Conditional Access policies that apply, per route', () => {
    const withCa = decideReadiness({
      account: verdict.account,
      facts: { ...verdict.facts, securityDefaults: false },
      today: '2026-11-22',
      conditionalAccess: assessConditionalAccess({ policies: parsePolicies([templates.blockLegacyAuthentication()]), complete: true }, { userId: 'u', membership: null }),
    });
    expect(text(service.readinessReportHtml(withCa))).toMatch(/App password: Block legacy authentication refuses it/);
  });

  it('names the account, the generated date and says it holds no secret', () => {
    expect(plain).toContain('adele@contoso.com');
    expect(plain).toContain('11111111-2222-3333-4444-555555555555');
    expect(plain).toContain('2026-11-22 09:30 UTC');
    expect(plain).toMatch(/no password and no token/);
  });

  it('lists the facts found and the unknowns with their reasons', () => {
    expect(plain).toMatch(/Security defaults On/);
    expect(plain).toMatch(/Per-user MFA Unknown/);
    expect(plain).toMatch(/This sign-in used MFA Yes/);
    expect(plain).toContain('Microsoft Authenticator');
    expect(plain).toContain('403: needs Policy.Read.All');
    for (const unknown of verdict.unknowns) expect(plain).toContain(unknown.why);
  });

  it('shows the routes and every step in order, by guide title, with who acts and why', () => {
    expect(plain).toMatch(/App password \(Basic authentication\) Blocked/);
    expect(plain).toMatch(/Recommended OAuth/);
    let from = 0;
    for (const step of verdict.steps) {
      const at = plain.indexOf(guideTitle(step.guide), from);
      expect(at, step.guide).toBeGreaterThanOrEqual(from);
      expect(plain).toContain(step.why);
      from = at;
    }
    expect(html).toContain('href="#disable-security-defaults"');
    expect(html).toContain('id="disable-security-defaults"');
  });

  it('carries the Basic-auth retirement notice and stays self-contained', () => {
    expect(plain).toMatch(/Basic authentication, which Microsoft is retiring for SMTP AUTH/);
    expect(html).not.toMatch(/<script|<link\b|<img\b|src=|url\(/i);
  });

  it('escapes account data', () => {
    const hostile = service.readinessReportHtml({ ...verdict, account: { upn: '<b>x</b>@contoso.com', tenantId: 't' } });
    expect(hostile).toContain('&lt;b&gt;x&lt;/b&gt;@contoso.com');
    expect(hostile).not.toContain('<b>x</b>');
  });
});

describe('guides HTML', () => {
  it('exports every guide the policy does not hide when no ids are given', () => {
    const html = service.guidesHtml();
    expect(html).toContain('id="create-app-password"');
    expect(html).not.toContain('id="disable-per-user-mfa"');
    expect(html).toContain('<nav class="toc"');
  });

  it('exports a single guide on its own and several as a binder in the order asked', () => {
    const one = service.guidesHtml(['oauth-route']);
    expect(one).not.toContain('<nav class="toc"');
    expect(one).toContain('<h1 id="oauth-route-title">');
    const two = service.guidesHtml(['use-app-password', 'create-app-password', 'use-app-password']);
    expect((two.match(/<article /g) ?? []).length).toBe(2);
    expect(two.indexOf('id="use-app-password"')).toBeLessThan(two.indexOf('id="create-app-password"'));
  });

  it('refuses unknown, hidden or no guides with a typed error', () => {
    for (const ids of [['no-such-guide'], ['disable-per-user-mfa'], []]) {
      expect(() => service.guidesHtml(ids)).toThrow(AppError);
    }
  });
});
