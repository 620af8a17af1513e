import { guideTitle, primaryLink } from '../../../shared/guides/catalog';
import { links } from '../../../shared/guides/content/links';

/** A guide's title and the page its "Open the page" button opens (null when it has none). */
export function guideLink(id: string): { title: string; deepLink: string | null } {
  return { title: guideTitle(id), deepLink: primaryLink(id)?.url ?? null };
}

/** Where the user creates an app password (Security info), for the App password screen. */
export const securityInfoUrl = links.securityInfo.url;
