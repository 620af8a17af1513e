import { mkdir, writeFile } from 'node:fs/promises';
import { homedir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { withExamples } from '../help';

/**
 * `bridge install-service`: start the bridge at login without the app. Writes the systemd
 * user unit (Linux), the launchd agent (macOS) or the Task Scheduler XML (Windows) and says
 * the one command that enables it; it does not enable it itself, so nothing starts by surprise.
 */
export function registerBridgeInstallService(bridge: Command, context: CliContext): void {
  const command = bridge
    .command('install-service')
    .description('Write a start-at-login definition for `m365-connect bridge run` (systemd user unit, launchd agent or Task Scheduler XML).')
    .option('--json', 'print {"ok","file","enable"}')
    .action(async (options: { json?: boolean }) => {
      const units = await import('../../main/bridge/service-units');
      const serviceCommand = { executable: process.execPath, args: [resolve(process.argv[1] ?? 'm365-connect'), 'bridge', 'run'] };
      const env = context.io.env;
      let file: string;
      let text: string;
      let enable: string;
      if (process.platform === 'darwin') {
        file = join(homedir(), 'Library', 'LaunchAgents', `${units.launchdLabel}.plist`);
        text = units.launchdPlist(serviceCommand);
        enable = `launchctl load -w "${file}"`;
      } else if (process.platform === 'win32') {
        file = join(context.userDataDir, 'bridge', `${units.serviceName}.xml`);
        text = units.taskSchedulerXml(serviceCommand, `${env.USERDOMAIN ?? ''}${env.USERDOMAIN ? '\\' : ''}${userInfo().username}`);
        enable = `schtasks /Create /TN ${units.serviceName} /XML "${file}"`;
      } else {
        file = join(env.XDG_CONFIG_HOME ?? join(env.HOME ?? homedir(), '.config'), 'systemd', 'user', `${units.serviceName}.service`);
        text = units.systemdUserUnit(serviceCommand);
        enable = `systemctl --user daemon-reload && systemctl --user enable --now ${units.serviceName}.service`;
      }
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, text, { mode: 0o644 });
      const out = context.output(options.json);
      if (options.json) return out.result({ ok: true, file, enable });
      out.line(`Wrote ${file}`);
      out.line(`Enable it with: ${enable}`);
    });
  withExamples(command, ['m365-connect bridge install-service']);
}
