/**
 * WebAssembly (undici's HTTP parser) stays on V8's baseline compiler for every command. After a
 * first request the optimizing compiler recompiles the parser in the background, and exiting
 * waits for that job: 100-250 ms after the answer was printed (`whoami`, traced), for a parser
 * that handles a few small responses. The report sets the same flag with its own
 * (report/heap-tuning.ts).
 */
export const wasmBaselineV8Flags = ['--liftoff-only'] as const;

export function keepWasmOnBaseline(): void {
  // Loaded here, not imported: `--version` answers from the bin entry without it.
  const { setFlagsFromString } = process.getBuiltinModule('node:v8');
  for (const flag of wasmBaselineV8Flags) setFlagsFromString(flag);
}
