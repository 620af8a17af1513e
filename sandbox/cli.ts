import { Command } from 'commander';
import { appEnvFor } from './app-env';
import { listScenarios, startSandbox } from './index';

/**
 * `npm run sandbox [-- --scenario NAME]`: starts the simulated tenant and prints, one per line,
 * the authority, the Graph base URL, the SMTP and IMAP addresses, the CA file and the scenario, then how
 * to point the app at it. Runs until Ctrl+C.
 */
async function main(): Promise<void> {
  const program = new Command()
    .name('sandbox')
    .description('A local Microsoft 365 (Entra ID, Graph, Exchange SMTP submission and IMAP) over TLS')
    .option('-s, --scenario <name>', `one of: ${listScenarios().join(', ')}`, 'ready-user')
    .option('--latency <ms>', 'delay added to token, Graph and SMTP AUTH replies', (value) => Number.parseInt(value, 10))
    .option('--port <port>', 'first of three fixed ports (Entra, Graph, SMTP); default: any free ports', (value) => Number.parseInt(value, 10))
    .option('--list', 'list the scenarios and exit')
    .parse();
  const options = program.opts<{ scenario: string; latency?: number; port?: number; list?: boolean }>();
  if (options.list) {
    for (const name of listScenarios()) console.log(name);
    return;
  }
  const port = options.port;
  const sb = await startSandbox({
    scenario: options.scenario,
    ...(options.latency !== undefined ? { latencyMs: options.latency } : {}),
    ...(port ? { ports: { entra: port, graph: port + 1, smtp: port + 2 } } : {}),
  });
  console.log(`authority ${sb.authority}`);
  console.log(`graph ${sb.graphBaseUrl}`);
  console.log(`smtp ${sb.smtp.host}:${sb.smtp.port}`);
  console.log(sb.imap ? `imap ${sb.imap.host}:${sb.imap.port}` : `imap none (${sb.imapNote ?? 'not started'})`);
  console.log(`ca ${sb.caPemPath}`);
  console.log(`scenario ${sb.scenario.name}`);
  console.log('');
  console.log(sb.scenario.description);
  for (const user of sb.scenario.users) console.log(`user ${user.upn}  password ${user.password}  MFA code ${user.mfaCode}`);
  console.log(`security info (create app passwords): ${sb.securityInfoUrl}`);
  console.log(`device code page: ${sb.deviceLoginUrl}`);
  console.log('');
  console.log('Point the app at it (same shell):');
  for (const [name, value] of Object.entries(appEnvFor(sb))) console.log(`  export ${name}=${value}`);
  const stop = (): void => {
    void sb.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
