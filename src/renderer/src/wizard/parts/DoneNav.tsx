import { Button } from '@fluentui/react-components';
import { WizardNav } from './WizardNav';

/** The last screen's action bar, for every route: Back, and Start over beside it. */
export function DoneNav({ onBack, onRestart }: { onBack: () => void; onRestart: () => void }) {
  return (
    <WizardNav
      onBack={onBack}
      extra={
        <Button appearance="subtle" onClick={onRestart}>
          Start over
        </Button>
      }
    />
  );
}
