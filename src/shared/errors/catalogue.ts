import { AppError } from '../ipc/app-error';

/**
 * Every failure the app and the CLI report more than once, worded once. Services throw these;
 * hosts show them (the CLI may swap the next step for its own command, see src/cli/cli-errors.ts).
 */

export type NotSignedInReason = 'none' | 'expired' | { graphRefused: string };

export const notSignedIn = (reason: NotSignedInReason = 'none') =>
  reason === 'none'
    ? new AppError({ code: 'not-signed-in', message: 'You are not signed in.', nextStep: 'Sign in first.' })
    : reason === 'expired'
      ? new AppError({ code: 'not-signed-in', message: 'Your sign-in has expired.', nextStep: 'Sign in again.' })
      : new AppError({
          code: 'not-signed-in',
          message: `Microsoft Graph did not accept your sign-in (${reason.graphRefused}).`,
          nextStep: 'Sign out and sign in again.',
        });

export const signInCancelled = () =>
  new AppError({ code: 'sign-in-cancelled', message: 'Sign-in was cancelled.', nextStep: 'Sign in again when you are ready.' });

export const signInTimedOut = (minutes: number) =>
  new AppError({
    code: 'sign-in-timed-out',
    message: `The sign-in was not completed within ${minutes} minute${minutes === 1 ? '' : 's'}, so it was stopped.`,
    nextStep: 'Start the sign-in again and complete it in the browser.',
  });

export const signInInProgress = () =>
  new AppError({ code: 'sign-in-failed', message: 'A sign-in is already in progress.', nextStep: 'Finish or cancel it first.' });

export const noClientId = () =>
  new AppError({
    code: 'config-invalid',
    message: 'No app registration (clientId) is configured, so sign-in cannot start.',
    nextStep: 'Ask IT for the clientId (set it in settings, M365_CONNECT_CLIENT_ID or the policy file), or try the demo tenant.',
  });

/** `service` names what could not be reached ("the Microsoft sign-in service", "Microsoft Graph"). */
export const unreachable = (service: string, cause?: string, nextStep = 'Check your internet connection, proxy or firewall, then try again.') =>
  new AppError({ code: 'network', message: `Could not reach ${service}${cause ? ` (${cause})` : ''}.`, nextStep });

/** `nextStep` lets the CLI name its own command; the app's is the default. */
export const notStored = (upn: string, nextStep = 'Store the app password first.') =>
  new AppError({
    code: 'not-stored',
    message: `No app password is stored for ${upn.trim().toLowerCase()}.`,
    nextStep,
    guide: 'create-app-password',
  });

export const alreadyStored = (account: string) =>
  new AppError({
    code: 'already-stored',
    message: `An app password is already stored for ${account}.`,
    nextStep: 'Confirm that you want to replace it, or keep the stored one.',
  });

export const policyForbidden = (message: string, nextStep = 'Ask your IT administrator.') =>
  new AppError({ code: 'policy-forbidden', message, nextStep });

export const routeLabel = (route: 'oauth' | 'app-password') => (route === 'oauth' ? 'OAuth' : 'app password');

/** `nextStep` lets the CLI name its own flags. */
export const routeNotOffered = (route: 'oauth' | 'app-password', nextStep?: string) =>
  policyForbidden(`Your organisation's policy does not offer the ${routeLabel(route)} route.`, nextStep);

export const guideHidden = (id: string) => policyForbidden(`Your organisation's policy hides the guide "${id}".`);

export const internalError = () =>
  new AppError({ code: 'internal', message: 'Something went wrong inside the app.', nextStep: 'Try again. If it keeps happening, restart the app.' });

/** A body larger than the app accepts from a server: refused before it fills memory. */
export const answerTooLarge = (service: string, limitBytes: number) =>
  new AppError({
    code: 'graph-failed',
    message: `${service} sent an answer larger than ${Math.round(limitBytes / (1024 * 1024))} MB; it was not read.`,
    nextStep: 'Try again later; if it keeps happening, report it.',
  });
