import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useWizardContext } from '../context';
import { BridgeOffer } from '../parts/BridgeOffer';
import { FixStepItem } from '../parts/FixStepItem';
import { ScreenHeading } from '../parts/ScreenHeading';
import { WizardNav } from '../parts/WizardNav';
import { appPasswordRouteOpen, bridgeSuggested } from '../route';
import type { WizardStep } from '../steps';

const useStyles = makeStyles({
  screen: { display: 'grid', gap: tokens.spacingVerticalL },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalM },
});

type Props = {
  step: Extract<WizardStep, { kind: 'fix-steps' }>;
  onBack: () => void;
  go: (next: WizardStep) => void;
};

/** The guides this account needs, in order, each with its page, its guide and a done mark. */
export function FixSteps({ step, onBack, go }: Props) {
  const styles = useStyles();
  const { info } = useWizardContext();
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  const steps = step.verdict.steps;
  const appPassword = appPasswordRouteOpen(step.verdict, info.routesOffered);

  return (
    <section className={styles.screen}>
      <ScreenHeading>Fix steps</ScreenHeading>
      {steps.length === 0 ? (
        <Body1>Your account needs no changes. Go on to the next step.</Body1>
      ) : (
        <Body1>
          Work through these in order. Mark each one done as you go; if your admin has to act, come back and use
          &ldquo;Check again&rdquo; on the previous screen afterwards.
        </Body1>
      )}
      <ol className={styles.list} aria-label="Steps for this account">
        {steps.map((item, index) => (
          <FixStepItem
            key={item.guide}
            step={item}
            number={index + 1}
            done={done.has(item.guide)}
            onDoneChange={(checked) =>
              setDone((previous) => {
                const next = new Set(previous);
                if (checked) next.add(item.guide);
                else next.delete(item.guide);
                return next;
              })
            }
          />
        ))}
      </ol>
      {!appPassword && (
        <Body1>
          An app password cannot work for this account, so the next step tests the OAuth (XOAUTH2) login instead.
        </Body1>
      )}
      {bridgeSuggested(step.verdict, info.routesOffered) && (
        <BridgeOffer onChoose={() => go({ ...step, kind: 'bridge-oauth-test' })} reason="If your tool cannot use OAuth itself:" />
      )}
      <WizardNav
        onBack={onBack}
        nextLabel={appPassword ? 'Next: app password' : 'Next: test the login'}
        onNext={() => go(appPassword ? { ...step, kind: 'app-password' } : { ...step, kind: 'verify' })}
      />
    </section>
  );
}
