/**
 * The built CLI as whole processes, the way a script runs it: `smtp-test` (app password on
 * stdin) against the sandbox's SMTP server beside `swaks --quit-after AUTH` against the same
 * server, and `--version` beside `node -e ''`. Each command runs in turn, round after round, so
 * a load spike hits all of them alike. Prints the median wall time and the mean CPU time
 * (user + system, from the kernel's per-child accounting, which a loaded machine disturbs far
 * less than wall time) and the ratios. Asserts nothing.
 *
 *   npm run bench:cli [-- --runs 20]   (builds the CLI first)
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { appEnvFor } from '../sandbox/app-env';
import { startSandbox } from '../sandbox/index';

const withoutSuffix = ' (no NODE_EXTRA_CA_CERTS)';
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 15;
const cliPath = resolve(__dirname, '../out/cli/index.js');

type Case = { name: string; command: string; args: string[]; stdin?: string; env?: Record<string, string | undefined> };

/** CPU seconds used by this process's reaped children so far (utime + stime of /proc/self/stat). */
function childCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // Fields after the parenthesised command name; cutime and cstime are fields 16 and 17.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100; // USER_HZ is 100 on Linux
}

function runOnce(c: Case): Promise<{ wallMs: number; cpuMs: number }> {
  return new Promise((done, fail) => {
    const cpuBefore = childCpuSeconds();
    const started = performance.now();
    const child = spawn(c.command, c.args, { env: { ...process.env, ...c.env }, stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end(c.stdin ?? '');
    child.on('error', fail);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      if (code !== 0) return fail(new Error(`${c.name} exited with ${code}: ${stderr.trim()}`));
      done({ wallMs, cpuMs: (childCpuSeconds() - cpuBefore) * 1000 });
    });
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

async function main() {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`node scripts/build-cli.mjs\` first`);
  const sb = await startSandbox({ scenario: 'ready-user' });
  try {
    const upn = sb.scenario.users[0]!.upn;
    const password = sb.createAppPassword(upn, 'bench-cli-start');
    const home = await mkdtemp(join(tmpdir(), 'm365-bench-cli-'));
    // The CLI reads host, port and the sandbox CA from configuration, as the tests do.
    const env = { ...appEnvFor(sb), HOME: home, XDG_CONFIG_HOME: join(home, '.config'), NO_COLOR: '1' };
    const cases: Case[] = [
      { name: 'm365-connect smtp-test', command: process.execPath, args: [cliPath, 'smtp-test', '--user', upn, '--password-stdin', '--json'], stdin: password, env },
      {
        name: 'swaks --quit-after AUTH',
        command: 'swaks',
        args: ['--server', sb.smtp.host, '--port', String(sb.smtp.port), '--tls', '--tls-verify', '--tls-ca-path', sb.caPemPath,
          '--auth', 'LOGIN', '--auth-user', upn, '--auth-password', password, '--quit-after', 'AUTH', '--hide-all'],
      },
      { name: 'm365-connect --version', command: process.execPath, args: [cliPath, '--version'], env },
      { name: "node -e ''", command: process.execPath, args: ['-e', ''] },
    ];
    // Node reads the file NODE_EXTRA_CA_CERTS names at every start, before any script runs. Where
    // it is set (this VM points it at the whole system bundle), the Node commands also run without
    // it, so the figures show what Node's start costs there and what the CLI itself does.
    const extraCaCerts = process.env.NODE_EXTRA_CA_CERTS;
    const withoutExtraCa = (c: Case): Case => ({ ...c, name: `${c.name}${withoutSuffix}`, env: { ...c.env, NODE_EXTRA_CA_CERTS: undefined } });
    if (extraCaCerts) cases.push(withoutExtraCa(cases[0]!), withoutExtraCa(cases[3]!));
    const results = new Map(cases.map((c) => [c.name, { wall: [] as number[], cpu: [] as number[] }]));
    for (const c of cases) await runOnce(c); // warm-up: page cache, the sandbox's first TLS context
    for (let round = 0; round < runs; round++) {
      for (const c of cases) {
        const { wallMs, cpuMs } = await runOnce(c);
        results.get(c.name)!.wall.push(wallMs);
        results.get(c.name)!.cpu.push(cpuMs);
      }
    }
    const figure = (name: string) => ({ wall: median(results.get(name)!.wall), cpu: mean(results.get(name)!.cpu) });
    const f = (ms: number) => `${ms.toFixed(0).padStart(5)} ms`;
    console.log(`CLI start-up, whole processes, ${runs} interleaved rounds after one warm-up; sandbox SMTP at ${sb.smtp.host}:${sb.smtp.port}`);
    const width = Math.max(...cases.map((c) => c.name.length));
    console.log(`${'command'.padEnd(width)} ${'wall median'.padStart(11)} ${'CPU mean'.padStart(9)}`);
    for (const c of cases) {
      const { wall, cpu } = figure(c.name);
      console.log(`${c.name.padEnd(width)} ${f(wall).padStart(11)} ${f(cpu).padStart(9)}`);
    }
    const ratio = (a: string, b: string) => {
      const x = figure(a);
      const y = figure(b);
      return `${(x.wall / y.wall).toFixed(2)}x wall, ${(x.cpu / y.cpu).toFixed(2)}x CPU`;
    };
    console.log(`smtp-test vs swaks:      ${ratio('m365-connect smtp-test', 'swaks --quit-after AUTH')}  (goal <= 1.3x)`);
    console.log(`--version vs node -e '': ${ratio('m365-connect --version', "node -e ''")}`);
    if (extraCaCerts) {
      const certificates = (readFileSync(extraCaCerts, 'utf8').match(/-----BEGIN CERTIFICATE-----/g) ?? []).length;
      const startCost = figure("node -e ''").wall - figure(`node -e ''${withoutSuffix}`).wall;
      console.log(`This environment sets NODE_EXTRA_CA_CERTS=${extraCaCerts} (${certificates} certificates), which adds ${startCost.toFixed(0)} ms to every Node start.`);
      console.log(`smtp-test vs swaks, without NODE_EXTRA_CA_CERTS: ${ratio(`m365-connect smtp-test${withoutSuffix}`, 'swaks --quit-after AUTH')}`);
    }
  } finally {
    await sb.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
