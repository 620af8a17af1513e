import type { Account } from '../../../shared/account';
import type { Verdict } from '../../../shared/readiness/verdict';
import type { StepKind } from './steps';

/**
 * The bridge route's screens: after the account check, an OAuth test login (the mailbox must
 * accept XOAUTH2), starting the bridge and logging in through it, then the tool's settings.
 * No app password is created or stored on this route.
 */
type BridgeData = { account: Account; verdict: Verdict };
export type BridgeStep =
  | ({ kind: 'bridge-oauth-test' } & BridgeData)
  | ({ kind: 'bridge-start' } & BridgeData)
  | ({ kind: 'bridge-done' } & BridgeData);
export type BridgeStepKind = BridgeStep['kind'];

export const bridgeStepKinds: readonly BridgeStepKind[] = ['bridge-oauth-test', 'bridge-start', 'bridge-done'];
export const isBridgeStepKind = (kind: string): kind is BridgeStepKind => (bridgeStepKinds as readonly string[]).includes(kind);

/** The step indicator's order on the bridge route. */
export const bridgeStepOrder: readonly { kind: StepKind; label: string }[] = [
  { kind: 'welcome', label: 'Welcome' },
  { kind: 'sign-in', label: 'Sign in' },
  { kind: 'account-check', label: 'Account check' },
  { kind: 'bridge-oauth-test', label: 'OAuth test' },
  { kind: 'bridge-start', label: 'Start the bridge' },
  { kind: 'bridge-done', label: 'Done' },
];
