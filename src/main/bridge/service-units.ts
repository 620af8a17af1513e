/**
 * Start-at-login definitions for `m365-connect bridge run`, one per service manager. Pure
 * text generators: unit-tested on every platform, written to disk only on their own.
 * No secret goes in any of them: the bridge reads passwords and tokens from the keychain.
 */
export type ServiceCommand = {
  /** The node (or Electron-as-node) binary. */
  executable: string;
  /** The arguments up to and including `bridge run`. */
  args: string[];
};

export const serviceName = 'm365-connect-bridge';
export const launchdLabel = 'com.m365-connect.bridge';

/** systemd quotes: double quotes with \ and " escaped, % doubled (specifier), $ doubled (variable). */
const systemdQuote = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/%/g, '%%').replace(/\$/g, '$$$$')}"`;

/** A systemd user unit (https://www.freedesktop.org/software/systemd/man/systemd.service.html). */
export function systemdUserUnit(command: ServiceCommand): string {
  return [
    '[Unit]',
    'Description=m365-connect bridge: lets password-only mail tools reach Microsoft 365 with OAuth',
    'After=network-online.target',
    '',
    '[Service]',
    'Type=simple',
    `ExecStart=${[command.executable, ...command.args].map(systemdQuote).join(' ')}`,
    'Restart=on-failure',
    'RestartSec=10',
    '',
    '[Install]',
    'WantedBy=default.target',
    '',
  ].join('\n');
}

const xmlEscape = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** A launchd agent for ~/Library/LaunchAgents (man launchd.plist). */
export function launchdPlist(command: ServiceCommand): string {
  const args = [command.executable, ...command.args].map((arg) => `    <string>${xmlEscape(arg)}</string>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    '<dict>',
    '  <key>Label</key>',
    `  <string>${launchdLabel}</string>`,
    '  <key>ProgramArguments</key>',
    '  <array>',
    ...args,
    '  </array>',
    '  <key>RunAtLoad</key>',
    '  <true/>',
    '  <key>KeepAlive</key>',
    '  <dict>',
    '    <key>SuccessfulExit</key>',
    '    <false/>',
    '  </dict>',
    '</dict>',
    '</plist>',
    '',
  ].join('\n');
}

/** Windows command-line quoting (CommandLineToArgvW rules) for the task's Arguments. */
export function windowsQuote(arg: string): string {
  if (arg !== '' && !/[\s"]/.test(arg)) return arg;
  return `"${arg.replace(/(\\*)"/g, '$1$1\\"').replace(/(\\+)$/, '$1$1')}"`;
}

/**
 * A Task Scheduler task that starts at logon of this user, for `schtasks /Create /XML`
 * (https://learn.microsoft.com/windows/win32/taskschd/task-scheduler-schema).
 */
export function taskSchedulerXml(command: ServiceCommand, userId: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-16"?>',
    '<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">',
    '  <RegistrationInfo>',
    '    <Description>m365-connect bridge: lets password-only mail tools reach Microsoft 365 with OAuth</Description>',
    '  </RegistrationInfo>',
    '  <Triggers>',
    '    <LogonTrigger>',
    '      <Enabled>true</Enabled>',
    `      <UserId>${xmlEscape(userId)}</UserId>`,
    '    </LogonTrigger>',
    '  </Triggers>',
    '  <Principals>',
    '    <Principal id="Author">',
    `      <UserId>${xmlEscape(userId)}</UserId>`,
    '      <LogonType>InteractiveToken</LogonType>',
    '      <RunLevel>LeastPrivilege</RunLevel>',
    '    </Principal>',
    '  </Principals>',
    '  <Settings>',
    '    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>',
    '    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>',
    '    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>',
    '    <ExecutionTimeLimit>PT0S</ExecutionTimeLimit>',
    '    <RestartOnFailure>',
    '      <Interval>PT1M</Interval>',
    '      <Count>3</Count>',
    '    </RestartOnFailure>',
    '  </Settings>',
    '  <Actions Context="Author">',
    '    <Exec>',
    `      <Command>${xmlEscape(command.executable)}</Command>`,
    `      <Arguments>${xmlEscape(command.args.map(windowsQuote).join(' '))}</Arguments>`,
    '    </Exec>',
    '  </Actions>',
    '</Task>',
    '',
  ].join('\n');
}
