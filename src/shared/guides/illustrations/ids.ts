/** Our own diagrams of the Microsoft pages the guides walk through (no screenshots of theirs). */
export const illustrationIds = [
  'security-info-add-method',
  'add-method-app-password',
  'app-password-shown-once',
  'per-user-mfa-page',
  'mfa-service-settings',
  'security-defaults-panel',
  'authenticated-smtp-checkbox',
  'exchange-smtp-auth-org',
  'oauth-flow',
  'tool-smtp-settings',
] as const;
export type IllustrationId = (typeof illustrationIds)[number];
