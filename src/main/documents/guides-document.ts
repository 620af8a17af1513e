import { guideById, renderBinderHtml, renderGuideHtml, visibleGuides, type Guide } from '../../shared/guides';
import { AppError } from '../../shared/ipc/app-error';

/**
 * The guides asked for, as one HTML document: a single guide stands alone, several become a
 * binder with a table of contents. No ids means every guide the policy does not hide.
 */
export function guidesHtml(ids: readonly string[] | undefined, options: { hidden: readonly string[]; generatedOn: string }): string {
  const guides = ids === undefined ? visibleGuides(options.hidden) : pick(ids, options.hidden);
  const only = guides.length === 1 ? guides[0] : undefined;
  if (only) return renderGuideHtml(only, { generatedOn: options.generatedOn });
  return renderBinderHtml(guides, { generatedOn: options.generatedOn });
}

function pick(ids: readonly string[], hidden: readonly string[]): Guide[] {
  const guides: Guide[] = [];
  for (const id of ids) {
    const guide = guideById(id);
    if (!guide || hidden.includes(id)) {
      throw new AppError({ code: 'invalid-payload', message: `There is no guide called “${id}”.`, issues: [{ path: 'ids', message: `unknown guide: ${id}` }] });
    }
    if (!guides.includes(guide)) guides.push(guide);
  }
  if (guides.length === 0) {
    throw new AppError({ code: 'invalid-payload', message: 'No guide was chosen to export.', issues: [{ path: 'ids', message: 'empty' }] });
  }
  return guides;
}
