import { useCallback, useState } from 'react';
import type { StepKind, WizardStep } from './steps';

export type WizardNavigation = {
  step: WizardStep;
  canGoBack: boolean;
  /** alsoFinished: steps a returning user completed in an earlier session. */
  go: (next: WizardStep, alsoFinished?: readonly StepKind[]) => void;
  /** Moves on and drops the current step from history (it held a secret, or was one-shot). */
  replace: (next: WizardStep) => void;
  back: () => void;
  /** Goes back to the latest visit of an earlier step (the step indicator's links). */
  backTo: (kind: StepKind) => void;
  restart: () => void;
  /** Steps in the history before the current one: the step indicator may link to them. */
  reachable: readonly StepKind[];
  /** Steps the user finished, including ones dropped from history (Store). */
  finished: ReadonlySet<StepKind>;
};

type State = { history: readonly WizardStep[]; finished: ReadonlySet<StepKind> };
const start: State = { history: [{ kind: 'welcome' }], finished: new Set() };
const current = (state: State): WizardStep => state.history[state.history.length - 1] ?? { kind: 'welcome' };
const finish = (state: State, also: readonly StepKind[] = []): ReadonlySet<StepKind> =>
  new Set([...state.finished, current(state).kind, ...also]);

/** Navigation as a history stack: Next pushes the new step, Back pops to the previous one. */
export function useWizard(initial: WizardStep = { kind: 'welcome' }): WizardNavigation {
  const [state, setState] = useState<State>({ ...start, history: [initial] });
  const go = useCallback(
    (next: WizardStep, also: readonly StepKind[] = []) =>
      setState((s) => ({ history: [...s.history, next], finished: finish(s, also) })),
    [],
  );
  const replace = useCallback(
    (next: WizardStep) => setState((s) => ({ history: [...s.history.slice(0, -1), next], finished: finish(s) })),
    [],
  );
  const back = useCallback(
    () => setState((s) => (s.history.length > 1 ? { ...s, history: s.history.slice(0, -1) } : s)),
    [],
  );
  const backTo = useCallback(
    (kind: StepKind) =>
      setState((s) => {
        const at = s.history.map((step) => step.kind).lastIndexOf(kind);
        return at >= 0 && at < s.history.length - 1 ? { ...s, history: s.history.slice(0, at + 1) } : s;
      }),
    [],
  );
  const restart = useCallback(() => setState(start), []);
  const step = current(state);
  return {
    step,
    canGoBack: state.history.length > 1,
    go,
    replace,
    back,
    backTo,
    restart,
    reachable: state.history.slice(0, -1).map((s) => s.kind),
    finished: state.finished,
  };
}
