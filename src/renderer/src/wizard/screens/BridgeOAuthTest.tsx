import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import { ShieldKeyholeRegular } from '@fluentui/react-icons/svg/shield-keyhole';
import { useState } from 'react';
import type { AppErrorShape } from '../../../../shared/ipc/app-error';
import type { SmtpTestResult } from '../../../../shared/smtp/result';
import { call } from '../../api';
import type { BridgeStep } from '../bridge-steps';
import { toErrorShape } from '../to-error-shape';
import { ErrorMessage } from '../parts/ErrorMessage';
import { ScreenHeading } from '../parts/ScreenHeading';
import { SmtpStages, advance, initialStages, settle, type StageProgress } from '../parts/SmtpStages';
import { TestResult } from '../parts/TestResult';
import { useApiEvent } from '../parts/useApiEvent';
import { WizardNav } from '../parts/WizardNav';

const useStyles = makeStyles({ screen: { display: 'grid', gap: tokens.spacingVerticalL } });

type Outcome = { result: SmtpTestResult } | { error: AppErrorShape };
type Props = { step: Extract<BridgeStep, { kind: 'bridge-oauth-test' }>; onBack: () => void; onNext: () => void };

/** The bridge signs in with OAuth (XOAUTH2): first prove the mailbox accepts that. */
export function BridgeOAuthTest({ step, onBack, onNext }: Props) {
  const styles = useStyles();
  const [running, setRunning] = useState(false);
  const [stages, setStages] = useState<StageProgress>(initialStages);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  useApiEvent('smtp:progress', ({ stage, detail }) => setStages((current) => advance(current, stage, detail)));

  const test = async () => {
    setRunning(true);
    setStages(initialStages());
    try {
      const result = await call('smtp:test', { method: 'oauth' });
      setStages((current) => settle(current, result.ok, result.stage));
      setOutcome({ result });
    } catch (error) {
      setStages(initialStages());
      setOutcome({ error: toErrorShape(error) });
    } finally {
      setRunning(false);
    }
  };
  const passed = outcome !== null && 'result' in outcome && outcome.result.ok;

  return (
    <section className={styles.screen}>
      <ScreenHeading>Test the OAuth login</ScreenHeading>
      <Body1>
        The bridge will sign in to {step.account.upn}&apos;s mailbox with OAuth (XOAUTH2) on your tool&apos;s behalf.
        First the app checks that the mailbox accepts that login. No mail is sent.
      </Body1>
      <div>
        <Button appearance="primary" icon={<ShieldKeyholeRegular />} disabledFocusable={running} onClick={() => void test()}>
          Test with OAuth (XOAUTH2)
        </Button>
      </div>
      <div aria-live="polite" aria-busy={running}>
        <SmtpStages stages={stages} />
      </div>
      {outcome && 'result' in outcome && <TestResult method="oauth" result={outcome.result} />}
      {outcome && 'error' in outcome && <ErrorMessage error={outcome.error} title="The test could not run" />}
      <WizardNav onBack={onBack} nextLabel="Next: start the bridge" nextDisabled={!passed} onNext={() => passed && onNext()} />
    </section>
  );
}
