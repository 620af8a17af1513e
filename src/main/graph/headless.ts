import { createAuthService, type AuthServiceWithGraph } from '../auth';
import type { ResolvedConfig } from '../config/resolved';
import type { Platform } from '../platform';
import type { ReadinessService } from '../services';
import { createReadinessService } from './readiness-service';

/**
 * Sign-in and readiness for a host without Electron (the CLI, benches, tests): the same
 * services the app uses, built from one resolved configuration.
 */
export async function createHeadlessServices(options: {
  config: ResolvedConfig;
  platform: Pick<Platform, 'openExternal'>;
  cacheDir: string;
}): Promise<{ auth: AuthServiceWithGraph; readiness: ReadinessService; close(): Promise<void> }> {
  const auth = await createAuthService(options);
  const readiness = createReadinessService({ config: options.config, auth });
  return {
    auth,
    readiness,
    async close() {
      await Promise.all([auth.close(), readiness.close()]);
    },
  };
}
