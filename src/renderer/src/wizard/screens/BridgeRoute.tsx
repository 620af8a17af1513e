import type { BridgeStep } from '../bridge-steps';
import type { WizardNavigation } from '../useWizard';
import { BridgeDone } from './BridgeDone';
import { BridgeOAuthTest } from './BridgeOAuthTest';
import { BridgeStart } from './BridgeStart';

/** The bridge route's screens, one per step. */
export function BridgeRoute({ step, navigation }: { step: BridgeStep; navigation: WizardNavigation }) {
  const { go, back } = navigation;
  switch (step.kind) {
    case 'bridge-oauth-test':
      return <BridgeOAuthTest step={step} onBack={back} onNext={() => go({ ...step, kind: 'bridge-start' })} />;
    case 'bridge-start':
      return <BridgeStart step={step} onBack={back} onNext={() => go({ ...step, kind: 'bridge-done' })} />;
    case 'bridge-done':
      return <BridgeDone step={step} onBack={back} onRestart={navigation.restart} />;
  }
}
