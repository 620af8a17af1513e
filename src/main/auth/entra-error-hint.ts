import { AsyncLocalStorage } from 'node:async_hooks';
import { InteractionRequiredAuthError } from '@azure/msal-node';
import type { AppError } from '../../shared/ipc/app-error';
import { mapAuthError, type AdminContext, type EntraErrorHint } from './map-auth-error';

// One slot per MSAL call: MSAL's network module runs inside the call's async context, so what
// Entra answered is seen by that call only, never by a concurrent one.
const slots = new AsyncLocalStorage<{ hint: EntraErrorHint | null }>();

/** For MSAL's network module: records Entra's error body for the call that made the request. */
export function noteEntraError(body: EntraErrorHint): void {
  const slot = slots.getStore();
  if (slot) slot.hint = body;
}

/**
 * Runs one MSAL call; its failure becomes an AppError, using the AADSTS code Entra answered
 * when MSAL dropped it (device code does), and `admin` (who asks, for which app) for the
 * errors only an admin can fix. InteractionRequiredAuthError passes through as is:
 * it tells the caller to ask the user, it is not a failure to show.
 */
export async function withEntraErrors<T>(call: () => Promise<T>, admin?: () => AdminContext | null): Promise<T> {
  const slot: { hint: EntraErrorHint | null } = { hint: null };
  try {
    return await slots.run(slot, call);
  } catch (error) {
    if (error instanceof InteractionRequiredAuthError) throw error;
    throw mapAuthError(error, slot.hint, admin?.() ?? null) satisfies AppError;
  }
}
