import { AppError } from '../../shared/ipc/app-error';

/**
 * Turns whatever the OS keychain threw into a typed AppError with the way forward for this
 * platform. The original message is deliberately not passed on: it is not needed to act, and
 * nothing the keychain layer says should be trusted to be free of secrets.
 */
type Kind = 'unavailable' | 'locked' | 'denied';

const lockedPatterns = [
  /locked/i, // libsecret: "Cannot create an item in a locked collection"
  /collection\/login|no such secret collection|object does not exist at path/i, // no login keyring yet, or not unlocked
  /interaction is not allowed|-25308/i, // macOS: errSecInteractionNotAllowed, the keychain is locked
];
const deniedPatterns = [
  /cancel|dismissed|denied|not authori[sz]ed|-128|-25293|access is denied/i, // the user said no at a prompt
];

export function keychainErrorKind(error: unknown): Kind {
  const text = error instanceof Error ? `${error.message} ${String((error as NodeJS.ErrnoException).code ?? '')}` : String(error);
  if (deniedPatterns.some((pattern) => pattern.test(text))) return 'denied';
  if (lockedPatterns.some((pattern) => pattern.test(text))) return 'locked';
  return 'unavailable';
}

const nextSteps: Record<Kind, Partial<Record<NodeJS.Platform, string>> & { default: string }> = {
  unavailable: {
    linux:
      'Install and start gnome-keyring (or another Secret Service such as KWallet) and sign in to a desktop session, then try again. On a machine without a desktop, run the app inside `dbus-run-session` with `gnome-keyring-daemon --unlock --components=secrets`.',
    darwin: 'Open Keychain Access and check that the login keychain exists and is unlocked, then try again.',
    win32: 'Open Credential Manager (Control Panel > Credential Manager) and check that Windows Credentials opens for your account, then try again.',
    default: 'Make sure the operating system keychain is installed and running, then try again.',
  },
  locked: {
    linux: 'Unlock the login keyring (for example in Passwords and Keys / Seahorse, or by signing out and in again), then try again.',
    darwin: 'Unlock the login keychain in Keychain Access, then try again.',
    win32: 'Sign in to Windows with your own account so Credential Manager is available, then try again.',
    default: 'Unlock the operating system keychain, then try again.',
  },
  denied: {
    linux: 'Try again and allow access when the keyring asks (enter the keyring password).',
    darwin: 'Try again and choose "Allow" (or "Always Allow") when macOS asks to use the login keychain.',
    win32: 'Try again and allow access when Windows asks; check Credential Manager is not blocked by a policy.',
    default: 'Try again and allow access when the keychain asks.',
  },
};

const messages: Record<Kind, string> = {
  unavailable: 'The operating system keychain is not available, so the app password cannot be kept safely. It was not saved anywhere else.',
  locked: 'The operating system keychain is locked, so the app password cannot be read or saved. It was not saved anywhere else.',
  denied: 'Access to the operating system keychain was refused. The app password was not saved anywhere else.',
};

export function keychainError(error: unknown, platform: NodeJS.Platform = process.platform): AppError {
  const kind = keychainErrorKind(error);
  const steps = nextSteps[kind];
  return new AppError({
    code: kind === 'denied' ? 'keychain-denied' : 'keychain-unavailable',
    message: messages[kind],
    nextStep: steps[platform] ?? steps.default,
  });
}
