/**
 * Readiness check: one Graph `$batch` round trip vs a naive one-request-per-fact client,
 * against the sandbox with 100 ms injected latency, in the same run. Prints figures only.
 *
 *   npm run bench:readiness            (RUNS=7 to change the number of runs)
 */
import { appEnvFor } from '../sandbox/app-env';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fetch as undiciFetch } from 'undici';
import { startSandbox } from '../sandbox/index';
import { launchChromium } from '../src/shell/chromium';
import { createAuthService } from '../src/main/auth';
import { loadConfig } from '../src/main/config';
import { createDispatcher, createTrust } from '../src/main/net/trust';
import { createReadinessService } from '../src/main/graph';

const latencyMs = 100;
const runs = Number(process.env.RUNS ?? 5);

// What a naive client would ask, one HTTP request per fact.
const naivePaths = [
  '/v1.0/me',
  '/v1.0/me/authentication/methods',
  '/beta/me/authentication/requirements',
  '/v1.0/policies/identitySecurityDefaultsEnforcementPolicy',
  '/v1.0/identity/conditionalAccess/policies',
  '/v1.0/me/transitiveMemberOf?$select=id,roleTemplateId',
];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const sb = await startSandbox({ scenario: 'ready-user', latencyMs });
  const browser = await launchChromium({ headless: true });
  const user = sb.scenario.users[0]!;
  try {
    const config = await loadConfig({
      env: { ...appEnvFor(sb), M365_CONNECT_KEYCHAIN_SERVICE: `m365-connect-bench-${process.pid}` },
    });
    const auth = await createAuthService({
      config,
      cacheDir: await mkdtemp(join(tmpdir(), 'm365-bench-')),
      platform: {
        openExternal: async (url) => {
          const context = await browser.newContext({ ignoreHTTPSErrors: true });
          const page = await context.newPage();
          await page.goto(url);
          await sb.completeSignIn(page, user);
        },
      },
    });
    await auth.signIn({ method: 'browser' });
    const token = await auth.acquireGraphToken();
    const readiness = createReadinessService({ config, auth });
    const dispatcher = createDispatcher(createTrust(config.values.extraCaFile));

    const measure = async (label: string, work: () => Promise<unknown>) => {
      const times: number[] = [];
      const requests: number[] = [];
      await work(); // warm the TLS connection once, like a running app
      for (let i = 0; i < runs; i += 1) {
        sb.resetCounters();
        const started = performance.now();
        await work();
        times.push(performance.now() - started);
        requests.push(sb.counters.graphRequests);
      }
      return { label, median: median(times), min: Math.min(...times), requests: median(requests) };
    };

    const naive = (parallel: boolean) => async () => {
      const get = (path: string) =>
        undiciFetch(`${config.values.graphBaseUrl}${path}`, {
          headers: { authorization: `Bearer ${token.accessToken}` },
          dispatcher,
        }).then((r) => r.arrayBuffer());
      if (parallel) await Promise.all(naivePaths.map(get));
      else for (const path of naivePaths) await get(path);
    };

    const results = [
      await measure('readiness check: one $batch (this app)', () => readiness.check()),
      await measure('naive: one request per fact, sequential', naive(false)),
      await measure('naive: one request per fact, parallel', naive(true)),
    ];

    console.log(`\nReadiness gather against the sandbox, ${latencyMs} ms injected latency, ${runs} runs each (median / min)\n`);
    console.log('approach'.padEnd(44), 'wall ms (median)'.padStart(17), 'min'.padStart(8), 'HTTP requests'.padStart(15));
    for (const r of results) {
      console.log(r.label.padEnd(44), r.median.toFixed(0).padStart(17), r.min.toFixed(0).padStart(8), String(r.requests).padStart(15));
    }
    console.log('\n(the check also builds the verdict; the naive rows only download)');
    await Promise.all([auth.signOut(), readiness.close()]);
    await auth.close();
    await dispatcher.close();
  } finally {
    await browser.close();
    await sb.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
