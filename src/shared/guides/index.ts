/** The offline guides: content as data, search, and renderers (HTML, Markdown, terminal text). Pure. */
export type { Audience, DeepLink, Guide, GuideId, GuideSource, GuideStep, IllustrationId } from './types';
export { allGuides, guideById, guideTitle, isGuideId, listByAudience, primaryLink, visibleGuides } from './catalog';
export { search, tokenize, type SearchHit } from './search';
export { illustrationDescription, illustrationIds, illustrationSvg, illustrationTitle } from './illustrations';
export { renderBinderHtml, renderGuideHtml, guideArticleHtml } from './render/html';
export { htmlDocument, documentCss } from './render/document';
export { escapeHtml } from './render/escape';
export { renderGuideMarkdown, escapeMarkdown } from './render/markdown';
export { renderGuideText, wrap } from './render/text';
