/**
 * Channel names only, without schemas: the sandboxed preload imports this file, and it must
 * stay tiny (no zod). contract.ts checks at compile time that both lists agree.
 */
export const invokeChannels = [
  'app:info',
  'config:get',
  'auth:current',
  'auth:sign-in',
  'auth:cancel',
  'auth:sign-out',
  'readiness:check',
  'vault:status',
  'vault:store',
  'smtp:test',
  'smtp:last-tests',
  'shell:open-external',
  'clipboard:copy',
  'report:export',
  'guides:export',
  'bridge:status',
  'bridge:start',
  'bridge:pause',
  'bridge:resume',
  'bridge:password',
  'bridge:test',
  'bridge:start-at-login',
] as const;
export type InvokeChannel = (typeof invokeChannels)[number];

/** Main -> renderer notifications. */
export const eventChannels = ['auth:device-code', 'auth:progress', 'smtp:progress', 'bridge:event', 'guide:open'] as const;
export type EventChannel = (typeof eventChannels)[number];
