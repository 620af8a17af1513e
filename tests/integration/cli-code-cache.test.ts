import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli, isolatedHome, runCli } from '../cli/support/cli-process';

/**
 * The built CLI keeps V8's code cache for its commands in the user's cache folder
 * (src/cli/load-program.ts): the same answers with no cache, a written one, or a corrupt one.
 */
beforeAll(() => ensureBuiltCli());

const cacheDirOf = (env: NodeJS.ProcessEnv) => join(env.XDG_CONFIG_HOME!, '..', '.cache', 'm365-connect');

describe('the CLI code cache', () => {
  it('is written on the first run, private to the user, and the next runs answer the same', async () => {
    const env = await isolatedHome();
    const first = await runCli(['config', 'show', '--json'], { env });
    expect(first.code, first.stderr).toBe(0);
    const files = await readdir(cacheDirOf(env));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^cli-program-v\d+.*\.v8cache$/);
    expect((await stat(cacheDirOf(env))).mode & 0o777).toBe(0o700);
    expect((await stat(join(cacheDirOf(env), files[0]!))).mode & 0o777).toBe(0o600);

    const second = await runCli(['config', 'show', '--json'], { env });
    expect(second).toEqual(first);
  });

  it('a corrupt cache is ignored and replaced, and the answer is unchanged', async () => {
    const env = await isolatedHome();
    const first = await runCli(['config', 'show', '--json'], { env });
    const [file] = await readdir(cacheDirOf(env));
    const path = join(cacheDirOf(env), file!);
    await writeFile(path, Buffer.alloc(4096, 7));
    const again = await runCli(['config', 'show', '--json'], { env });
    expect(again).toEqual(first);
    expect((await readFile(path)).equals(Buffer.alloc(4096, 7))).toBe(false);
  });

  it('a cache folder that cannot be written changes nothing but speed', async () => {
    const env = await isolatedHome();
    // A file where the cache folder would be: mkdir fails, the command still answers.
    await writeFile(join(env.HOME!, '.cache'), 'not a folder');
    const run = await runCli(['config', 'show', '--json'], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toBeTypeOf('object');
  });

  it('report, which sets V8 flags of its own, keeps its own cache: the two never reject and rewrite each other', async () => {
    const env = await isolatedHome();
    await runCli(['config', 'show', '--json'], { env });
    const [configCache] = await readdir(cacheDirOf(env));
    const written = await readFile(join(cacheDirOf(env), configCache!));
    // Nobody is signed in: the report stops early, after its program was loaded under its flags.
    await runCli(['report', '--out', join(env.HOME!, 'r.csv')], { env });
    await runCli(['config', 'show', '--json'], { env });
    const files = await readdir(cacheDirOf(env));
    expect(files).toHaveLength(2);
    expect((await readFile(join(cacheDirOf(env), configCache!))).equals(written)).toBe(true);
  });

  it('a command with a program of its own (smtp-test) keeps a cache of its own beside the whole CLI\'s', async () => {
    const env = await isolatedHome();
    await runCli(['config', 'show', '--json'], { env });
    const help = await runCli(['smtp-test', '--help'], { env });
    expect(help.code, help.stderr).toBe(0);
    const files = (await readdir(cacheDirOf(env))).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^cli-program-v\d+.*\.v8cache$/);
    expect(files[1]).toMatch(/^cli-smtp-test-v\d+.*\.v8cache$/);
  });
});
