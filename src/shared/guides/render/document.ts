import { escapeHtml } from './escape';

/**
 * The stylesheet every exported document carries inline: readable on screen, tidy on paper
 * (each guide of a binder starts a page, links print their address), and nothing to fetch.
 */
export const documentCss = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif; color: #242424; background: #fff; line-height: 1.5; margin: 0; }
main { max-width: 48rem; margin: 0 auto; padding: 2rem 1.5rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 .5rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 .5rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
.meta { color: #616161; font-size: .9rem; margin: 0 0 1rem; }
.summary { font-size: 1.05rem; }
.badge { display: inline-block; border: 1px solid #8a8886; border-radius: .25rem; padding: 0 .4rem; font-size: .8rem; color: #424242; }
.callout { border-left: .3rem solid #8a8886; background: #f5f5f5; padding: .75rem 1rem; margin: 1rem 0; }
.callout p { margin: .25rem 0; }
.callout.danger { border-color: #c50f1f; background: #fdf3f4; }
.callout.warning { border-color: #bc4b09; background: #fff9f5; }
.callout.info { border-color: #0f6cbd; background: #f0f6fc; }
ol.steps { padding-left: 0; list-style: none; counter-reset: step; }
ol.steps > li { counter-increment: step; position: relative; padding: .25rem 0 .75rem 2.75rem; border-bottom: 1px solid #e0e0e0; break-inside: avoid; page-break-inside: avoid; }
ol.steps > li::before { content: counter(step); position: absolute; left: 0; top: .3rem; width: 1.9rem; height: 1.9rem; border-radius: 50%; background: #0f6cbd; color: #fff; font-weight: 600; text-align: center; line-height: 1.9rem; }
ol.steps p { margin: .25rem 0; }
.note { color: #424242; font-size: .95rem; }
a.deep-link { display: inline-block; margin: .25rem 0; padding: .2rem .6rem; border: 1px solid #0f6cbd; border-radius: .25rem; color: #0f6cbd; text-decoration: none; font-weight: 600; }
.url { display: block; color: #616161; font-size: .8rem; word-break: break-all; }
figure { margin: .75rem 0; }
figcaption { color: #616161; font-size: .85rem; }
svg.guide-illustration { display: block; border: 1px solid #e0e0e0; border-radius: .375rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #e0e0e0; padding: .4rem .5rem; }
th { width: 14rem; color: #424242; }
nav.toc ol { padding-left: 1.5rem; }
.sources { color: #616161; font-size: .85rem; }
.guide + .guide { margin-top: 3rem; }
@media print {
  main { max-width: none; padding: 0; }
  .guide { break-before: page; page-break-before: always; }
  .guide.first { break-before: auto; page-break-before: auto; }
  a.deep-link { border: none; padding: 0; color: #242424; text-decoration: underline; }
  .callout { break-inside: avoid; }
}
@page { margin: 18mm 16mm; }
`;

/** A complete HTML document: inline CSS only, no script, no external resource. */
export function htmlDocument(title: string, body: string): string {
  return (
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    // Exported files are opened from disk or an intranet: forbid anything active or remote.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">\n` +
    `<title>${escapeHtml(title)}</title>\n<style>${documentCss}</style>\n</head>\n<body>\n<main>\n${body}\n</main>\n</body>\n</html>\n`
  );
}
