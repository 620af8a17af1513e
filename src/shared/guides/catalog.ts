import { allowAppPasswords } from './content/allow-app-passwords';
import { createAppPassword } from './content/create-app-password';
import { deleteAppPasswords } from './content/delete-app-passwords';
import { disablePerUserMfa } from './content/disable-per-user-mfa';
import { disableSecurityDefaults } from './content/disable-security-defaults';
import { enablePerUserMfa } from './content/enable-per-user-mfa';
import { enableSmtpAuth } from './content/enable-smtp-auth';
import { connectPasswordOnlyTool } from './content/connect-password-only-tool';
import { oauthRoute } from './content/oauth-route';
import { troubleshootAppPassword } from './content/troubleshoot-app-password';
import { useAppPassword } from './content/use-app-password';
import type { Audience, Guide } from './types';

/** Every guide, in reading order: the user's path first, then the admin's, riskiest last. */
export const allGuides: readonly Guide[] = [
  createAppPassword,
  useAppPassword,
  troubleshootAppPassword,
  oauthRoute,
  connectPasswordOnlyTool,
  enablePerUserMfa,
  allowAppPasswords,
  enableSmtpAuth,
  deleteAppPasswords,
  disableSecurityDefaults,
  disablePerUserMfa,
];

const byId = new Map<string, Guide>(allGuides.map((guide) => [guide.id, guide]));

export function guideById(id: string): Guide | undefined {
  return byId.get(id);
}

export function isGuideId(id: string): boolean {
  return byId.has(id);
}

/** Guides minus the ones an organisation's policy hides. */
export function visibleGuides(hidden: readonly string[] = []): Guide[] {
  return allGuides.filter((guide) => !hidden.includes(guide.id));
}

export function listByAudience(audience: Audience, hidden: readonly string[] = []): Guide[] {
  return visibleGuides(hidden).filter((guide) => guide.audience === audience);
}

/** Title of a guide by id, for cross-references; the id itself if there is no such guide. */
export function guideTitle(id: string): string {
  return byId.get(id)?.title ?? id;
}

/** The page a guide starts from: its first deep link, for "Open the page" buttons. */
export function primaryLink(id: string): Guide['steps'][number]['link'] | undefined {
  return byId.get(id)?.steps.find((step) => step.link)?.link;
}
