import { describe, expect, it } from 'vitest';
import { launchdPlist, systemdUserUnit, taskSchedulerXml, windowsQuote } from '../../src/main/bridge/service-units';

const command = { executable: '/opt/m365 connect/node', args: ['/opt/m365 connect/cli.js', 'bridge', 'run'] };

describe('start-at-login definitions for `bridge run`', () => {
  it('systemd: a user unit with the command quoted for systemd, restarted on failure, wanted by default.target', () => {
    const unit = systemdUserUnit(command);
    expect(unit).toContain('ExecStart="/opt/m365 connect/node" "/opt/m365 connect/cli.js" "bridge" "run"\n');
    expect(unit).toMatch(/^\[Unit\]\n/);
    expect(unit).toContain('\nRestart=on-failure\n');
    expect(unit).toContain('\n[Install]\nWantedBy=default.target\n');
    // % and $ would be systemd specifiers and variables: doubled, and quotes escaped.
    expect(systemdUserUnit({ executable: '/a%b$c"d', args: [] })).toContain('ExecStart="/a%%b$$c\\"d"\n');
  });

  it('launchd: a LaunchAgent plist that runs at load and restarts after a failure, arguments XML-escaped', () => {
    const plist = launchdPlist({ executable: '/usr/bin/node', args: ['/x/<cli>&.js', 'bridge', 'run'] });
    expect(plist).toContain('<key>Label</key>\n  <string>com.m365-connect.bridge</string>');
    expect(plist).toContain('<string>/usr/bin/node</string>\n    <string>/x/&lt;cli&gt;&amp;.js</string>\n    <string>bridge</string>\n    <string>run</string>');
    expect(plist).toContain('<key>RunAtLoad</key>\n  <true/>');
    expect(plist).toContain('<key>SuccessfulExit</key>\n    <false/>');
    expect(plist.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist')).toBe(true);
  });

  it('Task Scheduler: a logon-triggered task for this user running the command with Windows quoting', () => {
    const xml = taskSchedulerXml({ executable: 'C:\\Program Files\\m365\\node.exe', args: ['C:\\Program Files\\m365\\cli.js', 'bridge', 'run'] }, 'CONTOSO\\ada');
    expect(xml).toContain('<LogonTrigger>\n      <Enabled>true</Enabled>\n      <UserId>CONTOSO\\ada</UserId>');
    expect(xml).toContain('<Command>C:\\Program Files\\m365\\node.exe</Command>');
    expect(xml).toContain('<Arguments>&quot;C:\\Program Files\\m365\\cli.js&quot; bridge run</Arguments>');
    expect(xml).toContain('<LogonType>InteractiveToken</LogonType>');
    expect(xml).toContain('<RunLevel>LeastPrivilege</RunLevel>');
  });

  it('Windows quoting follows CommandLineToArgvW: backslashes before quotes and at the end doubled', () => {
    expect(windowsQuote('plain')).toBe('plain');
    expect(windowsQuote('')).toBe('""');
    expect(windowsQuote('a b')).toBe('"a b"');
    expect(windowsQuote('say "hi"')).toBe('"say \\"hi\\""');
    expect(windowsQuote('C:\\dir with space\\')).toBe('"C:\\dir with space\\\\"');
  });
});
