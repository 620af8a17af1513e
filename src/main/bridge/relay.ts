import type { Duplex } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * After both logins: bytes flow both ways untouched, with backpressure (pipeline pauses the
 * reader while the writer is full), nothing parsed and nothing buffered beyond the streams'
 * own high-water marks. `early` holds what the tool sent before the relay began (pipelined
 * commands); it goes upstream first. Resolves when both directions are done.
 */
export async function relay(local: Duplex, upstream: Duplex, early: Buffer): Promise<void> {
  if (early.length > 0) upstream.write(early);
  const done = await Promise.allSettled([pipeline(local, upstream), pipeline(upstream, local)]);
  // One side failing tears both down; either way nothing is left half open.
  if (done.some((result) => result.status === 'rejected')) {
    local.destroy();
    upstream.destroy();
  }
}
