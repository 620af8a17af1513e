import { afterAll, beforeAll } from 'vitest';
import { startSandbox, type StartSandboxOptions } from '../../../sandbox/index';
import { ensureBuiltCli, runCli, type CliRun } from './cli-process';
import { closeBrowser, sandboxEnv, signInWithDeviceCode, type Sandbox } from './sandbox-cli';

export type SandboxCliRunOptions = { stdin?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number };

export type SandboxCli = {
  /** The sandbox tenant, started once for the file. */
  readonly sb: Sandbox;
  /** The CLI's environment for that tenant (private home, a keychain service of its own). */
  readonly env: NodeJS.ProcessEnv;
  /** The UPN of the scenario's first user. */
  readonly upn: string;
  /** stdout and stderr of every `run` that `keepPrinted` kept, in order: for "no secret printed" checks. */
  readonly printed: readonly string[];
  /** The built CLI with `env`, plus `options.env` on top (a key set to undefined is removed). */
  run(args: string[], options?: SandboxCliRunOptions): Promise<CliRun>;
  /** `sign-in --device-code` as the scenario's first user, completed in Chromium. */
  signInFirstUser(extraArgs?: string[]): Promise<CliRun>;
};

export type SandboxCliOptions = {
  scenario: NonNullable<StartSandboxOptions['scenario']>;
  /** Timeout of the hook that starts the sandbox (vitest's hookTimeout when absent). */
  setupTimeoutMs?: number;
  /** Which runs go into `printed`; all of them when absent. */
  keepPrinted?: (args: readonly string[], result: CliRun) => boolean;
};

/**
 * One sandbox tenant and CLI environment for a whole test file: registers the vitest
 * beforeAll that builds the CLI and starts the sandbox, and the afterAll that closes the
 * sign-in browser and stops it. Call it inside the describe; read `sb`, `env` and `upn`
 * inside tests or later hooks, once the sandbox has started.
 */
export function useSandboxCli(options: SandboxCliOptions): SandboxCli {
  let started: { sb: Sandbox; env: NodeJS.ProcessEnv } | null = null;
  let sandbox: Sandbox | undefined;
  const printed: string[] = [];

  const current = () => {
    if (!started) throw new Error('useSandboxCli: the sandbox starts in beforeAll; read it inside a test or a later hook');
    return started;
  };

  beforeAll(async () => {
    ensureBuiltCli();
    sandbox = await startSandbox({ scenario: options.scenario });
    started = { sb: sandbox, env: await sandboxEnv(sandbox) };
  }, options.setupTimeoutMs);
  afterAll(async () => {
    await closeBrowser();
    await sandbox?.stop();
  });

  return {
    get sb() {
      return current().sb;
    },
    get env() {
      return current().env;
    },
    get upn() {
      return current().sb.scenario.users[0]!.upn;
    },
    printed,
    run: async (args, runOptions = {}) => {
      const { stdin, env, timeoutMs } = runOptions;
      const result = await runCli(args, {
        env: { ...current().env, ...env },
        ...(stdin !== undefined ? { stdin } : {}),
        ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      });
      if (options.keepPrinted?.(args, result) ?? true) printed.push(result.stdout, result.stderr);
      return result;
    },
    signInFirstUser: (extraArgs = []) => {
      const { sb, env } = current();
      return signInWithDeviceCode(sb, env, sb.scenario.users[0]!, extraArgs);
    },
  };
}
