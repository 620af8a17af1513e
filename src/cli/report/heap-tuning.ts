/**
 * V8 settings for the report's long stream of short-lived pages, set by the bin entry before the
 * program loads (it is run as `node .../index.js`, so it cannot pass node flags). Only flags V8
 * reads when it decides, not when the heap is created, have any effect this late (so not
 * --max-semi-space-size or --max-old-space-size); each was checked against peak RSS
 * (bench/report.bench.ts):
 * - the young generation stays at its first size instead of doubling to 32 MB: a page's
 *   garbage dies young either way, and the report allocates fast enough to grow it to the top;
 * - the old generation grows by a fixed 20% over what survives a full collection, where V8's
 *   own factor (up to 4x) let promoted page garbage pile up;
 * - WebAssembly (undici's HTTP parser) stays on the baseline compiler: the optimizing one
 *   compiles its parser in the background with a transient 30 MB of memory, for a parser that
 *   is not where the report spends its time.
 */
export const streamingV8Flags = ['--semi-space-growth-factor=1', '--heap-growing-percent=20', '--liftoff-only'] as const;

export function tuneHeapForStreaming(): void {
  // Loaded here, not imported: the bin entry holds this file, and other commands need no node:v8.
  const { setFlagsFromString } = process.getBuiltinModule('node:v8');
  for (const flag of streamingV8Flags) setFlagsFromString(flag);
}
