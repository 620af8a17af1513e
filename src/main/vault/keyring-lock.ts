import { execFile } from 'node:child_process';

/**
 * Whether the Secret Service's default collection (where libsecret, hence keytar and MSAL's
 * cache, keep items) is locked. Asked over D-Bus before any keytar call, because on a locked
 * collection libsecret cannot tell "locked" from "empty" when reading (null, [], false) and may
 * try to show an unlock prompt or abort while doing so. See the Secret Service API's
 * org.freedesktop.Secret.Collection `Locked` property (specifications.freedesktop.org/secret-service).
 *
 * `dbus-send` (Debian's dbus-bin, present wherever a session bus runs) does the call; when it is
 * missing or the service does not answer, the state is 'unknown' and keytar's own errors apply.
 */
export type KeyringState = 'locked' | 'unlocked' | 'unknown';

export type KeyringProbe = () => Promise<KeyringState>;

export function secretServiceLockProbe(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): KeyringProbe {
  if (platform !== 'linux') return async () => 'unknown';
  return reuseUnlocked(() =>
    new Promise((resolve) => {
      if (!env.DBUS_SESSION_BUS_ADDRESS) return resolve('unknown');
      execFile(
        'dbus-send',
        [
          '--session',
          '--print-reply',
          '--reply-timeout=5000',
          '--dest=org.freedesktop.secrets',
          '/org/freedesktop/secrets/aliases/default',
          'org.freedesktop.DBus.Properties.Get',
          'string:org.freedesktop.Secret.Collection',
          'string:Locked',
        ],
        { env, timeout: 10_000, maxBuffer: 64 * 1024 },
        (error, stdout) => {
          if (error) return resolve('unknown');
          const match = /boolean (true|false)/.exec(stdout);
          resolve(match ? (match[1] === 'true' ? 'locked' : 'unlocked') : 'unknown');
        },
      );
    }),
  );
}

/**
 * The probe, with an 'unlocked' answer reused for a moment (and one question in flight shared):
 * reading a token touches the cache two or three times in a row, and each dbus-send is a process
 * start, 10 to 35 ms. Any other answer is asked again every time, so an unlock is seen at once; a
 * keyring locked within the moment is seen at the next question after it.
 */
export function reuseUnlocked(probe: KeyringProbe, forMs = 1_000, now: () => number = Date.now): KeyringProbe {
  let unlockedAt = -Infinity;
  let asking: Promise<KeyringState> | null = null;
  return async () => {
    if (now() - unlockedAt < forMs) return 'unlocked';
    asking ??= probe().finally(() => (asking = null));
    const state = await asking;
    if (state === 'unlocked') unlockedAt = now();
    return state;
  };
}

/** Thrown before touching a locked keyring; keychainError() turns it into the "locked" advice. */
export class KeyringLockedError extends Error {
  constructor() {
    super('The Secret Service collection is locked');
    this.name = 'KeyringLockedError';
  }
}

export async function assertKeyringUnlocked(probe: KeyringProbe): Promise<void> {
  if ((await probe()) === 'locked') throw new KeyringLockedError();
}
