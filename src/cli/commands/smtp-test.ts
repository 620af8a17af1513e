import { Option, type Command } from 'commander';
import { notStored, policyForbidden, routeNotOffered } from '../../shared/errors/catalogue';
import { exitCodeForCause } from '../../shared/smtp/exit-codes';
import type { SmtpMethod, SmtpTestResult } from '../../shared/smtp/result';
import { checkServerPassword, normalizeAppPassword } from '../../shared/vault/normalize';
import { portTextSchema } from '../../shared/port';
import { cloudPresets } from '../../main/config/clouds';
import { checkCaFile } from '../../main/config/load';
import { preconnect, type Preconnection } from '../../main/smtp/preconnect';
import { defaultSmtpTimeouts } from '../../main/smtp/timeouts';
import { configKeySchemas, type ConfigKey } from '../../main/config/schema';
import type { SettledBeforeCaFile } from '../../main/config/load';
import type { CliContext } from '../context';
import type { Output } from '../output';
import { usageError } from '../cli-errors';
import { withExamples } from '../help';
import { authService, smtpService, vaultService } from '../services';
import { readAllStdin } from '../stdin';
import { fromSchema, positiveInt, upnOption } from '../options';

type SmtpTestOptions = {
  user: string;
  host?: string;
  port?: number;
  ca?: string;
  timeout?: number;
  passwordStdin?: boolean;
  keychain?: boolean;
  oauth?: boolean;
  json?: boolean;
};

/** Issue 5's `--json` object, exactly these keys in this order. */
export const smtpTestJson = (result: SmtpTestResult) => ({
  ok: result.ok,
  cause: result.cause,
  stage: result.stage,
  reply: result.reply,
  advice: result.advice,
  transcript: result.transcript,
});

export function registerSmtpTest(program: Command, context: CliContext): void {
  const command = program
    .command('smtp-test')
    .description('Prove the SMTP AUTH login works (connect, STARTTLS, AUTH, QUIT; no mail is sent) and explain any failure.')
    .requiredOption('--user <upn>', 'the mailbox to log in as (user principal name)', upnOption)
    .option('--host <host>', 'SMTP host (default: the configured smtpHost, smtp.office365.com)', fromSchema('--host', configKeySchemas.smtpHost))
    .option('--port <port>', 'SMTP port (default: the configured smtpPort, 587)', fromSchema('--port', portTextSchema))
    .option('--ca <pem>', 'an extra CA certificate file (PEM) to trust, e.g. a TLS-inspection proxy')
    .option('--timeout <seconds>', 'connect, greeting and idle timeout in seconds', positiveInt('--timeout', 1, 600))
    .addOption(new Option('--password-stdin', 'read the app password from stdin').conflicts(['keychain', 'oauth']))
    .addOption(new Option('--keychain', 'use the app password stored in the OS keychain (the default)').conflicts(['oauth']))
    .addOption(new Option('--oauth', 'XOAUTH2 with a token of the signed-in account (the route that survives the Basic-auth retirement)'))
    .option('--json', 'print {"ok","cause","stage","reply","advice","transcript"}')
    .action(async (options: SmtpTestOptions) => {
      const method: SmtpMethod = options.oauth ? 'oauth' : 'app-password';
      // Typed by assertion: TypeScript does not see the callback below assign it.
      let early = null as Preconnection | null;
      // Called as soon as the configuration's values are known, before its extra CA file is checked.
      const refuseOrConnect = ({ values, locked }: SettledBeforeCaFile) => {
        // Before any secret is read: a flag may not send the password where the policy forbids.
        refuseLockedFlags(options, locked);
        if (!values.routesOffered.includes(method)) {
          throw routeNotOffered(method, `Use ${method === 'oauth' ? '--keychain or --password-stdin' : '--oauth'} instead.`);
        }
        // Every refusal above is settled: the server's greeting can be on its way while the CA
        // files are checked, the secret is read and the SMTP client and the TLS trust load.
        // Nothing is sent before the login takes the connection.
        const timeoutMs = options.timeout !== undefined ? options.timeout * 1000 : defaultSmtpTimeouts.connect;
        early = preconnect(options.host ?? values.smtpHost, options.port ?? values.smtpPort, timeoutMs);
        return early;
      };
      let result: SmtpTestResult;
      let out: Output;
      try {
        const config = await context.config(refuseOrConnect);
        // The configuration was loaded before this command asked for it: connect now.
        const preconnection = early ?? refuseOrConnect(config);
        // Only now: making the output streams is part of what the early connection overlaps.
        out = context.output(options.json);
        // The same check as the extraCaFile setting (bounded read, certificates only), before any secret is read.
        const ca = options.ca !== undefined ? await checkCaFile(options.ca, 'the --ca option') : undefined;
        const host = options.host ?? config.values.smtpHost;
        const secret = await secretFor(method, options, context, isMicrosoftSmtpHost(host));
        const smtp = await smtpService(context, {
          ...(options.host !== undefined ? { host: options.host } : {}),
          ...(options.port !== undefined ? { port: options.port } : {}),
          ...(ca !== undefined ? { ca } : {}),
          ...(options.timeout !== undefined ? { timeoutSeconds: options.timeout } : {}),
        });
        result = await smtp.test({
          upn: options.user,
          method,
          secret,
          preconnection,
          onProgress: ({ stage, detail }) => {
            if (!options.json) out.note(out.errColor.dim(`[${stage}] ${detail}`));
          },
        });
      } finally {
        // A refusal after the connection opened (a CA file, the secret): it closes unused.
        early?.cancel();
      }
      context.exitCode = exitCodeForCause(result.cause);
      if (options.json) return out.result(smtpTestJson(result));
      const c = out.color;
      out.line(result.ok ? c.green(`✓ SMTP AUTH login as ${options.user} works.`) : c.red(`✗ SMTP AUTH login failed: ${result.cause}`));
      if (result.reply) out.line(`Server said: ${result.reply}`);
      out.line(result.advice);
      if (result.guide) out.line(c.dim(`Guide: m365-connect guides show ${result.guide}`));
      if (!result.ok) {
        out.line();
        out.line(c.bold('Transcript (credentials redacted)'));
        for (const line of result.transcript) out.line(`  ${line}`);
      }
    });
  withExamples(command, [
    'm365-connect smtp-test --user ada@contoso.com',
    'm365-connect smtp-test --user ada@contoso.com --oauth --json',
    'printf %s "$APP_PASSWORD" | m365-connect smtp-test --user ada@contoso.com --password-stdin',
    'm365-connect smtp-test --user ada@contoso.com --host smtp.office365.com --port 587 --timeout 20',
  ]);
}

/** The flags that stand in for a configuration key: a key the policy locks cannot be overridden. */
const flagKeys = [
  ['--host', 'smtpHost', (options: SmtpTestOptions) => options.host],
  ['--port', 'smtpPort', (options: SmtpTestOptions) => options.port],
  ['--ca', 'extraCaFile', (options: SmtpTestOptions) => options.ca],
] as const satisfies readonly (readonly [string, ConfigKey, (options: SmtpTestOptions) => unknown])[];

function refuseLockedFlags(options: SmtpTestOptions, locked: readonly ConfigKey[]): void {
  const refused = flagKeys.filter(([, key, value]) => value(options) !== undefined && locked.includes(key));
  if (refused.length === 0) return;
  throw policyForbidden(
    `Your organisation's policy locks ${refused.map(([flag, key]) => `${key} (${flag})`).join(', ')}; the command line cannot change it.`,
    `Run the test without ${refused.map(([flag]) => flag).join(', ')}; \`m365-connect config show\` shows the locked values.`,
  );
}

/** Microsoft's SMTP hosts take app passwords; any other server's password is its own. */
const isMicrosoftSmtpHost = (host: string) => Object.values(cloudPresets).some((preset) => preset.smtpHost === host.toLowerCase());

async function secretFor(method: SmtpMethod, options: SmtpTestOptions, context: CliContext, microsoftHost: boolean): Promise<string> {
  if (method === 'oauth') return (await authService(context)).acquireSmtpToken(options.user);
  if (options.passwordStdin) {
    const raw = await readAllStdin(context.io, microsoftHost ? 'the app password' : 'the password');
    // Spaces and dashes are separators only in an app password; another server's password keeps them.
    const checked = microsoftHost ? normalizeAppPassword(raw) : checkServerPassword(raw);
    if (!checked.ok) throw usageError(checked.message);
    return checked.value;
  }
  const stored = await (await vaultService(context)).read(options.user);
  if (stored === null) {
    throw notStored(options.user, `Store it with \`m365-connect store --user ${options.user} --password-stdin\`, or pass --password-stdin or --oauth.`);
  }
  return stored;
}
