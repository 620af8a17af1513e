import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowSyncRegular } from '@fluentui/react-icons/svg/arrow-sync';
import type { AppErrorShape } from '../../../../shared/ipc/app-error';
import type { Verdict } from '../../../../shared/readiness/verdict';
import { useIpcQuery } from '../../ipc/useIpc';
import { useWizardContext } from '../context';
import { ErrorMessage } from '../parts/ErrorMessage';
import { Busy } from '../parts/Busy';
import { BridgeOffer } from '../parts/BridgeOffer';
import { ScreenHeading } from '../parts/ScreenHeading';
import { VerdictView } from '../parts/VerdictView';
import { WizardNav } from '../parts/WizardNav';
import { bridgeSuggested } from '../route';
import type { WizardStep } from '../steps';

const useStyles = makeStyles({
  screen: { display: 'grid', gap: tokens.spacingVerticalL },
});

type State = { kind: 'checking' } | { kind: 'checked'; verdict: Verdict } | { kind: 'failed'; error: AppErrorShape };
type Props = {
  step: Extract<WizardStep, { kind: 'account-check' }>;
  onBack: () => void;
  onNext: (verdict: Verdict) => void;
  onBridge: (verdict: Verdict) => void;
};

/** The readiness verdict: facts, unknowns and why, the route that can work, the ordered steps. */
export function AccountCheck({ step, onBack, onNext, onBridge }: Props) {
  const styles = useStyles();
  const { info } = useWizardContext();
  // Each "Check again" is a new round of the same query; an older answer never overwrites a newer one.
  const { state: query, reload: check } = useIpcQuery('readiness:check', {});
  const state: State =
    query.kind === 'done'
      ? { kind: 'checked', verdict: query.value }
      : query.kind === 'failed'
        ? { kind: 'failed', error: query.error }
        : { kind: 'checking' };

  return (
    <section className={styles.screen}>
      <ScreenHeading>Account check</ScreenHeading>
      <Body1>What your organisation&apos;s settings allow for {step.account.upn}.</Body1>
      <div aria-live="polite">
        {state.kind === 'checking' && <Busy label="Checking your account…" />}
      </div>
      {state.kind === 'failed' && <ErrorMessage error={state.error} title="The check did not finish" />}
      {state.kind === 'checked' && <VerdictView verdict={state.verdict} routesOffered={info.routesOffered} />}
      {state.kind === 'checked' && info.routesOffered.includes('bridge') && (
        <BridgeOffer
          onChoose={() => onBridge(state.verdict)}
          {...(bridgeSuggested(state.verdict, info.routesOffered)
            ? { reason: 'An app password cannot work here, or will stop working when Basic authentication is retired.' }
            : {})}
        />
      )}
      <div>
        <Button icon={<ArrowSyncRegular />} onClick={check} disabledFocusable={state.kind === 'checking'}>
          Check again
        </Button>
      </div>
      <WizardNav
        onBack={onBack}
        {...(state.kind === 'checked'
          ? { onNext: () => onNext(state.verdict) }
          : { onNext: () => undefined, nextDisabled: true })}
      />
    </section>
  );
}
