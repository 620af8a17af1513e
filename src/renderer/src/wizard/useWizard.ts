import { useCallback, useState } from 'react';
import type { WizardStep } from './steps';

export type WizardNavigation = {
  step: WizardStep;
  canGoBack: boolean;
  go: (next: WizardStep) => void;
  /** Moves on and drops the current step from history (it held a secret, or was one-shot). */
  replace: (next: WizardStep) => void;
  back: () => void;
  restart: () => void;
};

/** Navigation as a history stack: Next pushes the new step, Back pops to the previous one. */
export function useWizard(): WizardNavigation {
  const [history, setHistory] = useState<readonly WizardStep[]>([{ kind: 'welcome' }]);
  const go = useCallback((next: WizardStep) => setHistory((stack) => [...stack, next]), []);
  const replace = useCallback((next: WizardStep) => setHistory((stack) => [...stack.slice(0, -1), next]), []);
  const back = useCallback(() => setHistory((stack) => (stack.length > 1 ? stack.slice(0, -1) : stack)), []);
  const restart = useCallback(() => setHistory([{ kind: 'welcome' }]), []);
  const step = history[history.length - 1] ?? { kind: 'welcome' };
  return { step, canGoBack: history.length > 1, go, replace, back, restart };
}
