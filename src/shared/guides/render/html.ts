import { guideTitle } from '../catalog';
import { illustrationDescription, illustrationSvg, illustrationTitle } from '../illustrations';
import type { Guide, GuideStep } from '../types';
import { htmlDocument } from './document';
import { escapeHtml } from './escape';

type ArticleOptions = {
  /** h1 for a guide on its own, h2 inside a binder. */
  level: 1 | 2;
  /** Guides in the same document: references to them become anchors, the rest stay titles. */
  linkable: ReadonlySet<string>;
  first: boolean;
};

const audienceLabel = (guide: Guide): string => (guide.audience === 'admin' ? 'For admins' : 'For users');

function guideRef(id: string, linkable: ReadonlySet<string>): string {
  const title = escapeHtml(guideTitle(id));
  return linkable.has(id) ? `<a href="#${escapeHtml(id)}">${title}</a>` : `“${title}”`;
}

function stepHtml(guide: Guide, step: GuideStep, index: number): string {
  const parts = [`<p>${escapeHtml(step.text)}</p>`];
  if (step.note) parts.push(`<p class="note">${escapeHtml(step.note)}</p>`);
  if (step.table) {
    const rows = step.table.rows.map(([name, value]) => `<tr><th scope="row">${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`).join('');
    parts.push(`<table><caption>${escapeHtml(step.table.caption)}</caption><tbody>${rows}</tbody></table>`);
  }
  if (step.link) {
    parts.push(
      `<p><a class="deep-link" href="${escapeHtml(step.link.url)}" rel="noopener noreferrer">${escapeHtml(step.link.label)}</a>` +
        `<span class="url">${escapeHtml(step.link.url)}</span></p>`,
    );
  }
  if (step.illustration) {
    const svg = illustrationSvg(step.illustration, `${guide.id}-step${index + 1}-ill`);
    parts.push(
      `<figure>${svg}<figcaption>${escapeHtml(illustrationTitle(step.illustration))}: ${escapeHtml(illustrationDescription(step.illustration))}</figcaption></figure>`,
    );
  }
  return `<li>${parts.join('')}</li>`;
}

/** One guide as an <article>: the shared body of the single-guide document and the binder. */
export function guideArticleHtml(guide: Guide, options: ArticleOptions): string {
  const h = `h${options.level}`;
  const sub = `h${options.level + 1}`;
  const out: string[] = [];
  out.push(`<article class="guide${options.first ? ' first' : ''}" id="${escapeHtml(guide.id)}" aria-labelledby="${escapeHtml(guide.id)}-title">`);
  out.push(`<${h} id="${escapeHtml(guide.id)}-title">${escapeHtml(guide.title)}</${h}>`);
  out.push(`<p class="meta"><span class="badge">${audienceLabel(guide)}</span></p>`);
  out.push(`<p class="summary">${escapeHtml(guide.summary)}</p>`);

  if (guide.lowersSecurity) {
    const safer = guide.saferAlternative ? ` Try the safer route first: ${guideRef(guide.saferAlternative, options.linkable)}.` : '';
    out.push(`<div class="callout danger" role="note"><p><strong>This lowers security.</strong>${safer}</p></div>`);
  }
  for (const warning of guide.warnings) {
    out.push(`<div class="callout warning" role="note"><p><strong>Warning:</strong> ${escapeHtml(warning)}</p></div>`);
  }
  if (guide.prerequisites.length > 0) {
    out.push(`<${sub}>Before you start</${sub}><ul>${guide.prerequisites.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul>`);
  }
  out.push(`<${sub}>Steps</${sub}><ol class="steps">${guide.steps.map((step, i) => stepHtml(guide, step, i)).join('')}</ol>`);
  if (guide.formerly) {
    out.push(`<div class="callout info" role="note"><p><strong>Older portal paths:</strong> ${escapeHtml(guide.formerly)}</p></div>`);
  }
  if (guide.related.length > 0) {
    out.push(`<${sub}>Related guides</${sub}><ul>${guide.related.map((id) => `<li>${guideRef(id, options.linkable)}</li>`).join('')}</ul>`);
  }
  if (guide.sources.length > 0) {
    const items = guide.sources.map((s) => `<li>${escapeHtml(s.label)}${s.url ? ` (${escapeHtml(s.url)})` : ''}</li>`).join('');
    out.push(`<div class="sources"><${sub}>Sources</${sub}><ul>${items}</ul></div>`);
  }
  out.push('</article>');
  return out.join('\n');
}

const generatedLine = (generatedOn: string | undefined): string =>
  generatedOn ? `<p class="meta">m365-connect offline guides · generated ${escapeHtml(generatedOn)}</p>` : '';

/** One guide as a self-contained HTML document (inline CSS and SVG, no script, nothing remote). */
export function renderGuideHtml(guide: Guide, options: { generatedOn?: string } = {}): string {
  return htmlDocument(guide.title, guideArticleHtml(guide, { level: 1, linkable: new Set(), first: true }) + generatedLine(options.generatedOn));
}

/** Several guides as one printable binder with a table of contents. */
export function renderBinderHtml(guides: readonly Guide[], options: { generatedOn?: string; title?: string } = {}): string {
  const title = options.title ?? 'Microsoft 365 app passwords and OAuth: the guides';
  const toc = guides
    .map((g) => `<li><a href="#${escapeHtml(g.id)}">${escapeHtml(g.title)}</a> <span class="badge">${audienceLabel(g)}</span></li>`)
    .join('');
  const front =
    `<header class="guide first"><h1>${escapeHtml(title)}</h1>${generatedLine(options.generatedOn)}` +
    `<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">Contents</h2><ol>${toc}</ol></nav></header>`;
  const linkable = new Set(guides.map((g) => g.id));
  const articles = guides.map((g) => guideArticleHtml(g, { level: 2, linkable, first: false }));
  return htmlDocument(title, [front, ...articles].join('\n'));
}
