/**
 * V8 flags a command sets from inside the process, before its program loads: the bin entry is run
 * as `node .../index.js`, so it cannot pass node flags. Only flags V8 reads when it decides, not
 * when the heap is created, have any effect this late (so not --max-semi-space-size or
 * --max-old-space-size). load-program.ts keys the code cache by them: V8 rejects a cache made
 * under other flags.
 */

/**
 * WebAssembly (undici's HTTP parser) stays on V8's baseline compiler. After a first request the
 * optimizing compiler recompiles the parser in the background, and exiting waits for that job
 * (100-250 ms after `whoami` printed its answer, traced); for the report it was a transient
 * 30 MB of memory. The parser handles a few small responses, or is not where a report spends its time.
 */
const wasmOnBaseline = ['--liftoff-only'];

/**
 * The report's long stream of short-lived pages, each checked against peak RSS
 * (bench/report.bench.ts):
 * - the young generation stays at its first size instead of doubling to 32 MB: a page's garbage
 *   dies young either way, and the report allocates fast enough to grow it to the top;
 * - the old generation grows by a fixed 20% over what survives a full collection, where V8's own
 *   factor (up to 4x) let promoted page garbage pile up.
 */
const streamingHeap = ['--semi-space-growth-factor=1', '--heap-growing-percent=20'];

/** The flags for this command line: an app-password smtp-test loads no HTTP client, hence no WebAssembly. */
export function v8FlagsFor(argv: readonly string[]): readonly string[] {
  if (argv[0] === 'report') return [...streamingHeap, ...wasmOnBaseline];
  if (argv[0] === 'smtp-test' && !argv.includes('--oauth')) return [];
  return wasmOnBaseline;
}

export function setV8Flags(flags: readonly string[]): void {
  if (flags.length === 0) return;
  // Loaded here, not imported: `--version` and an app-password smtp-test answer without node:v8.
  const { setFlagsFromString } = process.getBuiltinModule('node:v8');
  for (const flag of flags) setFlagsFromString(flag);
}
