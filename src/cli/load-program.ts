import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import type * as ProgramModule from './program';

/** What out/cli/program.js and each out/cli/programs/*.js export. */
type Program = Pick<typeof ProgramModule, 'runCli'>;

/** Where a per-user cache lives on this platform (never a shared temporary folder). */
function userCacheDir(env: NodeJS.ProcessEnv): string {
  if (process.platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'm365-connect', 'cache');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'm365-connect');
  return join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'm365-connect');
}

/**
 * Loads the bundled commands (out/cli/program.js) with V8's code cache, what Node 22's
 * module.enableCompileCache() does, for the Node 20 the engines field allows: parsing and
 * compiling the bundle was a quarter of a command's start-up. The cache is keyed by the bundle's
 * size and modification time and the Node version (V8 itself checks little more than the
 * source's length), kept in the user's own cache folder, and written only when missing or
 * rejected. Any failure to read or write it just means compiling as usual.
 */
export function loadProgram(programPath: string, env: NodeJS.ProcessEnv, v8Flags: readonly string[] = []): { program: Program; saveCache(): void } {
  const source = readFileSync(programPath, 'utf8');
  let cacheFile: string | null = null;
  let cachedData: Buffer | undefined;
  try {
    const { size, mtimeMs } = statSync(programPath);
    // V8 rejects a cache made under other flags: one cache per set of flags (node's own and those
    // a command sets, see v8-flags.ts), or commands would keep overwriting each other's.
    const flags = [...process.execArgv, ...v8Flags];
    const flavour = flags.length > 0 ? `-${shortHash(flags.join(' '))}` : '';
    cacheFile = join(userCacheDir(env), `cli-${basename(programPath, '.js')}-${process.version}-${process.arch}-${size}-${Math.trunc(mtimeMs)}${flavour}.v8cache`);
    cachedData = readFileSync(cacheFile);
  } catch {
    // no cache yet (or no home): compile as usual
  }
  // The bundle starts with a #! line; commented out, it keeps its line numbers inside the wrapper.
  const script = new Script(`${commonJsWrapper[0]}${source.startsWith('#!') ? `//${source}` : source}${commonJsWrapper[1]}`, {
    filename: programPath,
    ...(cachedData ? { cachedData } : {}),
  });
  const module = { exports: {} };
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;
  // This file's own require: a program only requires Node's modules and packages from
  // node_modules, which resolve the same from out/cli/ and out/cli/programs/.
  run(module.exports, require, module, programPath, dirname(programPath));
  const program = module.exports as Program;
  const saveCache = () => {
    if (!cacheFile || (cachedData && !script.cachedDataRejected)) return;
    try {
      mkdirSync(dirname(cacheFile), { recursive: true, mode: 0o700 });
      // After the command ran, so the functions it compiled on the way are in the cache too.
      const partial = `${cacheFile}.${process.pid}`;
      writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
      renameSync(partial, cacheFile);
    } catch {
      // a read-only home: next start compiles again
    }
  };
  return { program, saveCache };
}

/**
 * Node's CommonJS wrapper (Module.wrap), written out: loading node:module only for it cost half
 * a millisecond of every command's start.
 */
const commonJsWrapper = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'] as const;

/** FNV-1a, 32 bits, as 8 hex digits: tells flag sets apart in a file name (not a security hash). */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}
