/**
 * The CLI's exit codes. Stable: scripts on managed workstations switch on them, so a code
 * never changes meaning; new situations get new numbers. `m365-connect --help` lists them.
 */
export const exitCodes = {
  ok: 0,
  /** Anything not covered below (an unexpected failure, a Graph error). */
  failure: 1,
  /** Bad command line or input: unknown flag, missing option, invalid value, no terminal to prompt on. */
  usage: 2,
  /** The server refused the credentials: SMTP AUTH, sign-in, consent, MFA or Conditional Access. */
  authRefused: 3,
  /** TLS problem: STARTTLS missing or failed, untrusted certificate. */
  tls: 4,
  /** Network: connection refused, DNS, timeout, connection lost (a `report` can be resumed). */
  network: 5,
  /** The OS keychain is unavailable, locked or access was denied (or the sign-in cache in it is damaged). */
  keychain: 6,
  /** The configuration or the policy file is invalid, or the policy forbids the action. */
  config: 7,
  /** The command needs a signed-in account and there is none. */
  notSignedIn: 8,
  /** No app password is stored for that account. */
  notStored: 9,
  /** An app password is already stored and --replace was not given. */
  alreadyStored: 10,
  /** The signed-in account lacks the permission or role (e.g. Graph 403 for the tenant report). */
  forbidden: 11,
  /** `bridge run`: another m365-connect process already runs this user's bridge. */
  bridgeAlreadyRunning: 12,
  /** Interrupted (Ctrl+C); a `report` can be resumed. */
  interrupted: 130,
} as const;

export type ExitCodeName = keyof typeof exitCodes;
export type ExitCode = (typeof exitCodes)[ExitCodeName];

/** For `--help`: one line per code. */
export const exitCodeHelp: readonly [ExitCode, string][] = [
  [exitCodes.ok, 'success (smtp-test: the login worked)'],
  [exitCodes.failure, 'unexpected failure, or a Microsoft Graph error'],
  [exitCodes.usage, 'usage: unknown flag, missing or invalid option, no terminal to prompt on'],
  [exitCodes.authRefused, 'authentication refused (SMTP AUTH, sign-in, MFA, Conditional Access)'],
  [exitCodes.tls, 'TLS problem (STARTTLS missing or failed, untrusted certificate)'],
  [exitCodes.network, 'network (refused, DNS, timeout, connection lost); a report can be resumed'],
  [exitCodes.keychain, 'OS keychain unavailable, locked or access denied, or the sign-in saved there is damaged'],
  [exitCodes.config, 'configuration or policy file invalid, or the policy forbids it'],
  [exitCodes.notSignedIn, 'not signed in'],
  [exitCodes.notStored, 'no app password stored for that account'],
  [exitCodes.alreadyStored, 'an app password is already stored (use --replace)'],
  [exitCodes.forbidden, 'the account lacks the permission or admin role'],
  [exitCodes.bridgeAlreadyRunning, 'bridge run: another process already runs your bridge'],
  [exitCodes.interrupted, 'interrupted (Ctrl+C); a report can be resumed'],
];
