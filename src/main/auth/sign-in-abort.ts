import { SignInCancelledError, SignInTimedOutError } from './map-auth-error';

/** Why a sign-in signal fired: our timeout, or a cancel (by the user or by quitting). */
export function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof SignInTimedOutError || reason instanceof SignInCancelledError) return reason;
  return new SignInCancelledError();
}

/**
 * The promise's outcome, or the abort reason as soon as the signal fires: for MSAL calls that
 * cannot be stopped mid-way (device-code polling checks its cancel flag only between polls).
 * A late outcome of the abandoned promise is ignored.
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  promise.catch(() => undefined);
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * A signal that fires when the caller's does, when cancel() aborts `controller`, or after
 * `timeoutMs` with a SignInTimedOutError: a stale sign-in never waits forever.
 */
export function signInSignal(controller: AbortController, timeoutMs: number, caller?: AbortSignal): { signal: AbortSignal; dispose(): void } {
  const timer = setTimeout(() => controller.abort(new SignInTimedOutError(timeoutMs)), timeoutMs);
  timer.unref();
  const onCallerAbort = () => controller.abort(new SignInCancelledError());
  caller?.addEventListener('abort', onCallerAbort, { once: true });
  if (caller?.aborted) onCallerAbort();
  return {
    signal: controller.signal,
    dispose() {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onCallerAbort);
    },
  };
}
