import type { DocumentService } from '../services';
import { guidesHtml } from './guides-document';
import { readinessReportHtml } from './readiness-report';

export type DocumentServiceOptions = {
  /** The clock for "generated on" and the retirement notice; injected so tests are stable. */
  now?: () => Date;
  /** Guides the organisation's policy hides; they are left out of "all guides" exports. */
  hiddenGuides?: readonly string[];
};

/** Builds the HTML documents the app exports (PDF is printed from the same HTML by the platform). */
export function createDocumentService(options: DocumentServiceOptions = {}): DocumentService {
  const now = options.now ?? (() => new Date());
  const hidden = options.hiddenGuides ?? [];
  return {
    readinessReportHtml: (verdict) => readinessReportHtml(verdict, now()),
    guidesHtml: (ids) => guidesHtml(ids, { hidden, generatedOn: now().toISOString().slice(0, 10) }),
  };
}
