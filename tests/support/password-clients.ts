import { execFile } from 'node:child_process';
import type { Page } from '@playwright/test';

/**
 * Real password-only mail clients from Debian standing in for the backup tool (swaks for SMTP
 * AUTH LOGIN, curl for IMAP LOGIN), and the values they get, read off the Done screen.
 */
export type ToolSettings = { server: string; smtpPort: number; imapPort: number; encryption: string; user: string; password: string };
export type ClientRun = { code: number; output: string };

const run = (command: string, args: string[]) =>
  new Promise<ClientRun>((resolve) => {
    execFile(command, args, { timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });

/** Logs in with AUTH LOGIN and quits right after: no mail is sent. */
export const swaksLogin = (settings: ToolSettings) =>
  run('swaks', [
    '--server', `${settings.server}:${settings.smtpPort}`,
    '--auth', 'LOGIN',
    '--auth-user', settings.user,
    '--auth-password', settings.password,
    '--quit-after', 'AUTH',
    '--to', settings.user,
    '--from', settings.user,
    // swaks does not verify certificates: the bridge's is its own, made on first start.
    ...(settings.encryption.startsWith('STARTTLS') ? ['--tls'] : []),
  ]);

/** Logs in with IMAP LOGIN and lists the mailbox's folders. */
export const curlImapList = (settings: ToolSettings) =>
  run('curl', [
    '--silent', '--show-error', '--max-time', '30',
    '--user', `${settings.user}:${settings.password}`,
    ...(settings.encryption.startsWith('STARTTLS') ? ['--ssl-reqd', '--insecure'] : []),
    `imap://${settings.server}:${settings.imapPort}/`,
  ]);

/** Exactly what the Done screen shows: the settings table and the password field (shown). */
export async function readToolSettings(page: Page): Promise<ToolSettings> {
  const rows = await page.getByTestId('tool-settings').locator('tbody tr').evaluateAll((items) =>
    items.map((row) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent?.trim() ?? '')),
  );
  const value = (name: string) => {
    const row = rows.find(([label]) => label === name);
    if (!row?.[1]) throw new Error(`The Done screen shows no "${name}"`);
    return row[1];
  };
  const field = page.getByTestId('bridge-password');
  if ((await field.getAttribute('type')) !== 'text') await page.getByRole('button', { name: 'Show', exact: true }).click();
  const password = await field.inputValue();
  return {
    server: value('Server'),
    smtpPort: Number(value('SMTP port')),
    imapPort: Number(value('IMAP port')),
    encryption: value('Encryption'),
    user: value('User name'),
    password,
  };
}
