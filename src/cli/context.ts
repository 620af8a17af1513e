import { join } from 'node:path';
// Straight to the files, not the config barrel: it also loads undici and MSAL's network module,
// which `config show`, `guides` and `--help` never need (CLI start-up time).
import { loadConfig, type LoadConfigOptions } from '../main/config/load';
import { defaultUserDataDir, settingsFileIn } from '../main/config/locations';
import type { ResolvedConfig } from '../main/config/resolved';
import type { CliIo } from './io';
import { Output } from './output';

/**
 * What every command gets: the process's streams, the configuration (loaded once, on first
 * use, so `--help` never reads a policy file), and where the per-user data lives (shared
 * with the app: settings and the token cache).
 */
export class CliContext {
  private configPromise: Promise<ResolvedConfig> | null = null;
  exitCode = 0;

  constructor(readonly io: CliIo) {}

  output(json: boolean | undefined): Output {
    return new Output(this.io, json === true);
  }

  /** Test-only machine policy location (CliIo.machinePolicyFile), passed to every config load. */
  policyOptions(): { machinePolicyFile?: string | null } {
    return this.io.machinePolicyFile === undefined ? {} : { machinePolicyFile: this.io.machinePolicyFile };
  }

  get userDataDir(): string {
    return defaultUserDataDir(process.platform, this.io.env);
  }

  get tokenCacheDir(): string {
    return join(this.userDataDir, 'msal');
  }

  /**
   * The configuration, loaded on the first call. `beforeCaFileCheck` (see loadConfig) is called
   * only by the call that loads it.
   */
  config(beforeCaFileCheck?: LoadConfigOptions['beforeCaFileCheck']): Promise<ResolvedConfig> {
    this.configPromise ??= loadConfig({
      env: this.io.env,
      settingsFile: settingsFileIn(this.userDataDir),
      ...this.policyOptions(),
      ...(beforeCaFileCheck ? { beforeCaFileCheck } : {}),
    });
    return this.configPromise;
  }
}
