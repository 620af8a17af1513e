import { guideTitle, primaryLink } from '../../../shared/guides/catalog';

/** A guide's title and the page its "Open the page" button opens (null when it has none). */
export function guideLink(id: string): { title: string; deepLink: string | null } {
  return { title: guideTitle(id), deepLink: primaryLink(id)?.url ?? null };
}

