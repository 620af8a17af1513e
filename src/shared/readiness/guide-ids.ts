/** The guides the readiness steps point to, by id (the guide content uses exactly these). */
export const guideIds = [
  'create-app-password',
  'enable-per-user-mfa',
  'allow-app-passwords',
  'disable-per-user-mfa',
  'disable-security-defaults',
  'enable-smtp-auth',
  'delete-app-passwords',
  'use-app-password',
  'troubleshoot-app-password',
  'oauth-route',
  'connect-password-only-tool',
] as const;
export type GuideId = (typeof guideIds)[number];
