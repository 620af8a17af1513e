import type { Platform } from './platform';
import type { Services } from './services';

/** Composition of the real services; filled in as the service folders land. */
export async function composeServices(_options: { platform: Platform; version: string }): Promise<Services> {
  throw new Error('not composed yet');
}
