import type { Account } from '../../../shared/account';
import type { Verdict } from '../../../shared/readiness/verdict';
import type { BridgeStep } from './bridge-steps';
import type { SmtpMethod, SmtpTestResult } from '../../../shared/smtp/result';

/** What a test login proved, per route: Done shows only what worked. A route added later (the bridge) adds a key. */
export type Proven = Partial<Record<SmtpMethod, Pick<SmtpTestResult, 'ok' | 'cause'>>>;

/**
 * The wizard's current screen, with exactly the data that screen needs. Screens later in the
 * flow carry what earlier ones established, so Back can simply restore the previous value.
 */
export type WizardStep =
  | { kind: 'welcome' }
  | { kind: 'sign-in' }
  | { kind: 'account-check'; account: Account }
  | { kind: 'fix-steps'; account: Account; verdict: Verdict }
  | { kind: 'app-password'; account: Account; verdict: Verdict }
  /** The normalised app password lives only in renderer memory until the vault has it. */
  | { kind: 'store'; account: Account; verdict: Verdict; password: string }
  | { kind: 'verify'; account: Account; verdict: Verdict }
  | { kind: 'done'; account: Account; verdict: Verdict; proven: Proven }
  | BridgeStep;

export type StepKind = WizardStep['kind'];

/** The order and the names the step indicator shows. */
export const stepOrder: readonly { kind: StepKind; label: string }[] = [
  { kind: 'welcome', label: 'Welcome' },
  { kind: 'sign-in', label: 'Sign in' },
  { kind: 'account-check', label: 'Account check' },
  { kind: 'fix-steps', label: 'Fix steps' },
  { kind: 'app-password', label: 'App password' },
  { kind: 'store', label: 'Store' },
  { kind: 'verify', label: 'Verify' },
  { kind: 'done', label: 'Done' },
];

export const stepIndex = (kind: StepKind): number => stepOrder.findIndex((step) => step.kind === kind);

export function assertNever(value: never): never {
  throw new Error(`Unhandled wizard step: ${JSON.stringify(value)}`);
}
