/**
 * Records an unexpected handler failure: the channel and the error's class only. Its message
 * or stack could quote anything a library put there, secrets included, so neither is logged.
 */
export function logInternalError(channel: string, error: unknown): void {
  console.error(`m365-connect: ${channel} failed (${error instanceof Error ? error.name : typeof error})`);
}
