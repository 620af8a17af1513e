import { escapeHtml, guideArticleHtml, guideById, guideTitle, htmlDocument, primaryLink, type Guide } from '../../shared/guides';
import { adminMessageForStep } from '../../shared/readiness/admin-message';
import { retirementNotice } from '../../shared/readiness/retirement';
import type { Verdict } from '../../shared/readiness/verdict';
import { factLabel as label, factRows as factRowsOf, recommendationLabel as recommendation, routeStateLabel as routeState } from '../../shared/readiness/wording';

const table = (caption: string, rows: [string, string][]): string =>
  `<table><caption class="meta" style="text-align:left">${escapeHtml(caption)}</caption><tbody>` +
  rows.map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('') +
  '</tbody></table>';

/**
 * The readiness verdict as a self-contained HTML page a user can send to the helpdesk: the
 * account, what was found and what could not be, the routes, the ordered steps, and (so the
 * report is useful offline) the guides those steps refer to. It never contains a secret: the
 * verdict has none.
 */
export function readinessReportHtml(verdict: Verdict, now: Date): string {
  const today = now.toISOString().slice(0, 10);
  const generated = `${today} ${now.toISOString().slice(11, 16)} UTC`;
  const stepGuides: Guide[] = [];
  for (const step of verdict.steps) {
    const guide = guideById(step.guide);
    if (guide && !stepGuides.includes(guide)) stepGuides.push(guide);
  }
  const linkable = new Set<string>(stepGuides.map((g) => g.id));

  const notices = [...verdict.notices];
  // The retirement notice matters to every reader; add it if the verdict somehow lacks it.
  if (!notices.some((n) => /basic authentication/i.test(n))) notices.unshift(retirementNotice(today));

  const steps = verdict.steps
    .map((step) => {
      const title = escapeHtml(guideTitle(step.guide));
      const ref = linkable.has(step.guide) ? `<a href="#${escapeHtml(step.guide)}">${title}</a>` : title;
      // The same ready-written text the wizard's "Copy a message for your admin" copies.
      const message =
        step.who === 'admin'
          ? `<p class="note"><strong>Message for your admin:</strong></p><pre class="admin-message">${escapeHtml(
              adminMessageForStep(step, { user: verdict.account.upn, tenant: verdict.account.tenantId, title: guideTitle(step.guide), link: primaryLink(step.guide)?.url ?? null }),
            )}</pre>`
          : '';
      return `<li><p><strong>${ref}</strong> <span class="badge">${step.who === 'admin' ? 'Admin' : 'User'}</span></p><p class="note">${escapeHtml(step.why)}</p>${message}</li>`;
    })
    .join('');

  const unknowns =
    verdict.unknowns.length === 0
      ? '<p>Nothing relevant was left unknown.</p>'
      : `<ul>${verdict.unknowns.map((u) => `<li><strong>${escapeHtml(label(u.fact))}</strong>: ${escapeHtml(u.why)}</li>`).join('')}</ul>`;

  const body = [
    '<header class="guide first">',
    `<h1>Microsoft 365 readiness report</h1>`,
    `<p class="meta">Generated ${escapeHtml(generated)} by m365-connect. This report contains no password and no token.</p>`,
    table('Account', [
      ['User', verdict.account.upn],
      ['Tenant ID', verdict.account.tenantId],
    ]),
    `<div class="callout info" role="note"><p>${escapeHtml(verdict.summary)}</p></div>`,
    '<h2>What was found</h2>',
    table('Facts read from Microsoft 365', factRowsOf(verdict.facts)),
    '<h2>What could not be found, and why</h2>',
    unknowns,
    '<h2>Routes</h2>',
    table('Ways the backup tool can sign in', [
      ['App password (Basic authentication)', routeState[verdict.routes.appPassword]],
      ['OAuth (XOAUTH2)', routeState[verdict.routes.oauth]],
      ['Recommended', recommendation[verdict.recommended]],
    ]),
    ...conditionalAccessSection(verdict),
    '<h2>Steps for this account, in order</h2>',
    verdict.steps.length === 0 ? '<p>No steps are needed.</p>' : `<ol class="steps">${steps}</ol>`,
    '<h2>Notices</h2>',
    ...notices.map((n) => `<div class="callout warning" role="note"><p>${escapeHtml(n)}</p></div>`),
    '</header>',
    ...(stepGuides.length > 0 ? ['<h2 class="guide">The guides these steps refer to</h2>'] : []),
    ...stepGuides.map((g) => guideArticleHtml(g, { level: 2, linkable, first: false })),
  ].join('\n');

  return htmlDocument(`Readiness report for ${verdict.account.upn}`, body);
}

const effectText: Record<string, string> = {
  blocks: 'refuses it',
  'requires-mfa': 'asks for MFA',
  'requires-device': 'asks for a compliant or hybrid-joined device',
  'session-only': 'session controls only',
};

/** The Conditional Access policies that do or may apply, per route (none: no section). */
function conditionalAccessSection(verdict: Verdict): string[] {
  const ca = verdict.conditionalAccess;
  if (!ca) return [];
  const rows: [string, string][] = [];
  for (const [route, name] of [['appPassword', 'App password'], ['oauth', 'OAuth']] as const) {
    for (const f of ca[route].findings) {
      const may = f.applies === 'maybe' ? ` (may apply: ${f.maybeBecause.join('; ')})` : '';
      rows.push([`${name}: ${f.displayName}`, `${effectText[f.effect] ?? f.effect}${may}`]);
    }
  }
  if (rows.length === 0) return [];
  return ['<h2>Conditional Access policies that apply</h2>', table('Policies, per route', rows)];
}
