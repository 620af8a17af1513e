/**
 * Wall time of the app's SMTP test login beside `swaks --quit-after AUTH`, against the same
 * SMTP server in the same run: the sandbox's Exchange-like server (or, with --local, a plain
 * smtp-server with a test CA). Both verify the certificate and both stop after AUTH + QUIT.
 * Prints figures only; nothing here passes or fails on time.
 *
 *   npm run bench:smtp [-- --runs 20] [-- --local]
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { startSandbox } from '../sandbox/index';
import { trustFromPem } from '../src/main/net/trust';
import { createSmtpService } from '../src/main/smtp';

const run = promisify(execFile);

type Target = { host: string; port: number; caPem: string; caPemPath: string; upn: string; password: string; label: string; stop(): Promise<void> };

async function sandboxTarget(): Promise<Target> {
  const sb = await startSandbox({ scenario: 'ready-user' });
  const upn = sb.scenario.users[0]?.upn ?? '';
  const password = sb.createAppPassword(upn, 'bench-smtp-login');
  return { ...sb.smtp, caPem: sb.caPem, caPemPath: sb.caPemPath, upn, password, label: 'sandbox (ready-user)', stop: () => sb.stop() };
}

async function localTarget(): Promise<Target> {
  const { createTestCa } = await import('../tests/support/test-pki');
  const { startTestSmtpServer } = await import('../tests/support/smtp-test-server');
  const ca = await createTestCa();
  const password = 'benchbenchbenchb';
  const server = await startTestSmtpServer({
    certificate: await ca.issue(),
    answer: (auth) => (auth.password === password ? { accept: true } : { accept: false, code: 535, text: '5.7.3 Authentication unsuccessful' }),
  });
  const caPemPath = join(mkdtempSync(join(tmpdir(), 'm365-bench-')), 'ca.pem');
  writeFileSync(caPemPath, ca.cert);
  return { host: '127.0.0.1', port: server.port, caPem: ca.cert, caPemPath, upn: 'bench@contoso.com', password, label: 'local smtp-server', stop: () => server.close() };
}

async function timeIt(runs: number, once: () => Promise<void>): Promise<number[]> {
  await once(); // warm-up: module loading and first TLS context are not the login's cost
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await once();
    times.push(performance.now() - started);
  }
  return times;
}

function summary(name: string, times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  const mean = sorted.reduce((sum, t) => sum + t, 0) / sorted.length;
  const f = (ms: number) => `${ms.toFixed(1).padStart(7)} ms`;
  return `${name.padEnd(34)} median ${f(at(0.5))}  mean ${f(mean)}  min ${f(sorted[0] ?? NaN)}  p90 ${f(at(0.9))}  max ${f(sorted[sorted.length - 1] ?? NaN)}`;
}

async function main() {
  const args = process.argv.slice(2);
  const runsArg = args.indexOf('--runs');
  const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : 10;

  const target: Target = args.includes('--local') ? await localTarget() : await sandboxTarget();
  try {
    const service = createSmtpService({ host: target.host, port: target.port, trust: trustFromPem(target.caPem) });
    const app = await timeIt(runs, async () => {
      const result = await service.test({ upn: target.upn, method: 'app-password', secret: target.password });
      if (!result.ok) throw new Error(`app login failed: ${result.cause} ${result.reply ?? ''}`);
    });
    const swaks = await timeIt(runs, async () => {
      await run('swaks', [
        '--server', target.host, '--port', String(target.port),
        '--tls', '--tls-verify', '--tls-ca-path', target.caPemPath,
        '--auth', 'LOGIN', '--auth-user', target.upn, '--auth-password', target.password,
        '--quit-after', 'AUTH', '--hide-all',
      ]);
    });
    console.log(`SMTP test login wall time, ${runs} runs each (after one warm-up), against ${target.label} at ${target.host}:${target.port}`);
    console.log(summary('m365-connect (nodemailer, in process)', app));
    console.log(summary('swaks --quit-after AUTH (new process)', swaks));
    console.log('swaks figures include starting a Perl process per login; the app reuses its loaded process.');
  } finally {
    await target.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
