/**
 * The OAuth bridge against the sandbox, beside the same client talking to the same upstream
 * directly with XOAUTH2, in the same run. Prints figures only; nothing passes or fails on them.
 *
 *   npm run bench:bridge            (RUNS=5 to change the number of runs)
 *
 * - IMAP: curl FETCHes one 50 MB message through the bridge and straight from Dovecot (TLS).
 * - SMTP: 200 submissions of a 100 KB message (one connection each) with nodemailer.
 * - Login: connect to 235 through the bridge (token cached) vs the direct STARTTLS+XOAUTH2 login.
 * - Memory: the bridge process's resident set at start, after the runs and with 50 open sessions.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import nodemailer, { type Transporter } from 'nodemailer';
import { startSandbox, type Sandbox } from '../sandbox/index';
import { openSmtpUpstream } from '../src/main/bridge/upstream-smtp';
import { trustFromPem } from '../src/main/net/trust';
import { cliPath, ensureBuiltCli, repoRoot, runCli } from '../tests/cli/support/cli-process';
import { sandboxEnv } from '../tests/cli/support/sandbox-cli';

const runs = Number(process.env.RUNS ?? 3);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const mb = (bytes: number, ms: number) => `${(bytes / 1024 / 1024 / (ms / 1000)).toFixed(1)} MB/s`;

function tool(command: string, args: string[], input?: Buffer): Promise<{ code: number | null; stdout: Buffer; stderr: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr, ms: performance.now() - started }));
    child.stdin.end(input ?? '');
  });
}

function startBridge(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; smtp: number; imap: number }> {
  const child = spawn(process.execPath, [cliPath, 'bridge', 'run', '--smtp-port', '0', '--imap-port', '0', '--json'], {
    cwd: repoRoot,
    env: { ...process.env, ...env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes('\n')) {
        const ready = JSON.parse(out) as { smtp: { port: number }; imap: { port: number } };
        resolve({ child, smtp: ready.smtp.port, imap: ready.imap.port });
      }
    });
    child.on('close', (code) => reject(new Error(`bridge run exited ${code}`)));
  });
}

async function rssKb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
}

/** A 50 MB message: headers, then base64 lines as a real attachment would be. */
function largeMessage(upn: string, bytes: number): Buffer {
  const line = `${'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0'.slice(0, 76)}\r\n`;
  const head = `From: ${upn}\r\nTo: ${upn}\r\nSubject: bench large message\r\nMessage-ID: <bench-large@contoso.example>\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n`;
  return Buffer.from(head + line.repeat(Math.ceil(bytes / line.length)), 'latin1');
}

/** Connect, EHLO, AUTH PLAIN up to the 235; the socket stays open (a logged-in session). */
async function smtpSession(port: number, upn: string, password: string): Promise<net.Socket> {
  const socket = net.connect(port, '127.0.0.1');
  let buffer = '';
  await new Promise<void>((resolve, reject) => {
    let step = 0;
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('latin1');
      if (step === 0 && /^220 /m.test(buffer)) {
        step = 1;
        socket.write('EHLO bench\r\n');
      } else if (step === 1 && /^250 /m.test(buffer)) {
        step = 2;
        socket.write(`AUTH PLAIN ${Buffer.from(`\0${upn}\0${password}`).toString('base64')}\r\n`);
      } else if (step === 2 && /^235 /m.test(buffer)) resolve();
      else if (step === 2 && /^5\d\d /m.test(buffer)) reject(new Error(buffer));
    });
  });
  socket.removeAllListeners('data');
  return socket;
}

async function smtpLoginMs(port: number, upn: string, password: string): Promise<number> {
  const started = performance.now();
  const socket = await smtpSession(port, upn, password);
  const ms = performance.now() - started;
  socket.end('QUIT\r\n');
  return ms;
}

async function main() {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) {
    console.error('The bridge bench needs a Secret Service: run it with `npm run bench:bridge`.');
    process.exit(2);
  }
  ensureBuiltCli();
  const sb: Sandbox = await startSandbox({ scenario: 'ready-user' });
  if (!sb.imap) throw new Error(`the sandbox has no IMAP: ${sb.imapNote ?? ''}`);
  const env = await sandboxEnv(sb);
  const upn = sb.scenario.users[0]!.upn;
  let bridge: Awaited<ReturnType<typeof startBridge>> | null = null;
  try {
    let approved = false;
    const signIn = await runCli(['sign-in', '--device-code'], {
      env,
      onStderr: (text) => {
        const code = /enter the code (\S+)/.exec(text)?.[1];
        if (code && !approved) {
          approved = true;
          setTimeout(() => sb.approveDeviceCode(code, upn), 20);
        }
      },
    });
    if (signIn.code !== 0) throw new Error(`sign-in failed: ${signIn.stderr}`);
    const password = (await runCli(['bridge', 'password', '--user', upn], { env })).stdout.trim();
    const imapToken = (await runCli(['token', '--user', upn, '--scope', 'imap'], { env })).stdout.trim();
    const smtpToken = (await runCli(['token', '--user', upn, '--scope', 'smtp'], { env })).stdout.trim();
    bridge = await startBridge(env);
    const pid = bridge.child.pid!;
    const atStart = await rssKb(pid);
    const dir = await mkdtemp(join(tmpdir(), 'bench-bridge-'));
    console.log(`m365-connect bridge vs direct XOAUTH2 to the same sandbox upstream (median of ${runs} runs)\n`);

    // IMAP: one 50 MB message, appended once, fetched through both paths.
    const size = 50 * 1024 * 1024;
    const messageFile = join(dir, 'large.eml');
    await writeFile(messageFile, largeMessage(upn, size));
    const viaBridge = `imap://127.0.0.1:${bridge.imap}/INBOX`;
    const direct = `imaps://${sb.imap.host}:${sb.imap.port}/INBOX`;
    const appended = await tool('curl', ['-sS', '--user', `${upn}:${password}`, '-T', messageFile, viaBridge]);
    if (appended.code !== 0) throw new Error(`APPEND failed: ${appended.stderr}`);
    const last = await tool('curl', ['-sS', '--user', `${upn}:${password}`, '-X', 'SEARCH ALL', viaBridge]);
    const index = Number(last.stdout.toString().trim().split(' ').pop());
    const fetchVia = (url: string, auth: string[]) => tool('curl', ['-sS', ...auth, `${url};MAILINDEX=${index}`]);
    const directAuth = ['--cacert', sb.caPemPath, '--user', `${upn}:`, '--oauth2-bearer', imapToken, '--login-options', 'AUTH=XOAUTH2'];
    const bridgeFetch: number[] = [];
    const directFetch: number[] = [];
    let fetchedBytes = 0;
    for (let i = 0; i < runs; i += 1) {
      const b = await fetchVia(viaBridge, ['--user', `${upn}:${password}`]);
      const d = await fetchVia(direct, directAuth);
      if (b.code !== 0 || d.code !== 0 || !b.stdout.equals(d.stdout)) throw new Error(`FETCH differs or failed: ${b.stderr} ${d.stderr}`);
      fetchedBytes = b.stdout.length;
      bridgeFetch.push(b.ms);
      directFetch.push(d.ms);
    }
    console.log('IMAP FETCH of one message (curl, incl. connect and login)');
    console.log(`  size ${(fetchedBytes / 1024 / 1024).toFixed(1)} MB`);
    console.log(`  direct  ${median(directFetch).toFixed(0).padStart(6)} ms  ${mb(fetchedBytes, median(directFetch))}`);
    console.log(`  bridge  ${median(bridgeFetch).toFixed(0).padStart(6)} ms  ${mb(fetchedBytes, median(bridgeFetch))}  (${(median(directFetch) / median(bridgeFetch)).toFixed(2)}x direct)`);
    console.log(`  bridge process RSS after the IMAP runs: ${((await rssKb(pid)) / 1024).toFixed(1)} MiB\n`);

    // SMTP: 200 submissions, a new connection and login each, 100 KB each.
    const body = 'x'.repeat(76).concat('\r\n').repeat(1300);
    const count = 200;
    const submit = async (transport: Transporter) => {
      const started = performance.now();
      for (let i = 0; i < count; i += 1) await transport.sendMail({ from: upn, to: 'someone@example.com', subject: `bench ${i}`, text: body });
      return performance.now() - started;
    };
    const viaBridgeSmtp = nodemailer.createTransport({ host: '127.0.0.1', port: bridge.smtp, secure: false, ignoreTLS: true, auth: { user: upn, pass: password } });
    const directSmtp = nodemailer.createTransport({
      host: sb.smtp.host,
      port: sb.smtp.port,
      secure: false,
      requireTLS: true,
      tls: { ca: sb.caPem },
      auth: { type: 'OAuth2', user: upn, accessToken: smtpToken },
    });
    const smtpDirect: number[] = [];
    const smtpBridge: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      smtpDirect.push(await submit(directSmtp));
      smtpBridge.push(await submit(viaBridgeSmtp));
    }
    const smtpBytes = count * body.length;
    console.log(`SMTP: ${count} submissions of ${(body.length / 1024).toFixed(0)} KB (nodemailer, one connection and login each)`);
    console.log(`  direct  ${median(smtpDirect).toFixed(0).padStart(6)} ms  ${mb(smtpBytes, median(smtpDirect))}  ${(count / (median(smtpDirect) / 1000)).toFixed(0)} msg/s`);
    console.log(`  bridge  ${median(smtpBridge).toFixed(0).padStart(6)} ms  ${mb(smtpBytes, median(smtpBridge))}  ${(count / (median(smtpBridge) / 1000)).toFixed(0)} msg/s  (${(median(smtpDirect) / median(smtpBridge)).toFixed(2)}x direct)\n`);

    // Login: connect..235, token cached in the bridge; direct = the same STARTTLS + XOAUTH2 login.
    const logins = 50;
    const directTrust = trustFromPem(sb.caPem);
    const bridgeLogin: number[] = [];
    const directLogin: number[] = [];
    for (let i = 0; i < logins; i += 1) {
      bridgeLogin.push(await smtpLoginMs(bridge.smtp, upn, password));
      const started = performance.now();
      const socket = await openSmtpUpstream({ host: sb.smtp.host, port: sb.smtp.port, secureContext: directTrust.secureContext }, upn, smtpToken);
      directLogin.push(performance.now() - started);
      socket.end('QUIT\r\n');
    }
    console.log(`SMTP login, connect to 235 (median of ${logins})`);
    console.log(`  direct  ${median(directLogin).toFixed(1)} ms`);
    console.log(`  bridge  ${median(bridgeLogin).toFixed(1)} ms  (added per login: ${(median(bridgeLogin) - median(directLogin)).toFixed(1)} ms)\n`);

    // Memory: the bridge process idle, then with 50 open, logged-in SMTP sessions (the
    // sandbox's Dovecot allows 10 IMAP connections per user and address, as Dovecot does).
    const idle = await rssKb(pid);
    const sessions = await Promise.all(Array.from({ length: 50 }, () => smtpSession(bridge!.smtp, upn, password)));
    const busy = await rssKb(pid);
    for (const socket of sessions) socket.destroy();
    console.log('Bridge process resident memory');
    console.log(`  at start              ${(atStart / 1024).toFixed(1)} MiB`);
    console.log(`  after the runs above  ${(idle / 1024).toFixed(1)} MiB`);
    console.log(`  50 open SMTP sessions ${(busy / 1024).toFixed(1)} MiB  (${((busy - idle) / 50).toFixed(0)} KiB per session)`);
  } finally {
    bridge?.child.kill('SIGTERM');
    await sb.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
