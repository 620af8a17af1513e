import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import { KeyRegular, ShieldKeyholeRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { AppErrorShape } from '../../../../shared/ipc/errors';
import type { SmtpMethod, SmtpTestResult } from '../../../../shared/smtp/result';
import { call } from '../../api';
import { useWizardContext } from '../context';
import { toErrorShape } from '../errors';
import { BasicAuthNotice } from '../parts/BasicAuthNotice';
import { BridgeOffer } from '../parts/BridgeOffer';
import { ErrorMessage } from '../parts/ErrorMessage';
import { ScreenHeading } from '../parts/ScreenHeading';
import { SmtpStages, advance, initialStages, settle, type StageProgress } from '../parts/SmtpStages';
import { TestResult } from '../parts/TestResult';
import { useApiEvent } from '../parts/useApiEvent';
import { WizardNav } from '../parts/WizardNav';
import { appPasswordRouteOpen } from '../route';
import type { WizardStep } from '../steps';

const useStyles = makeStyles({
  screen: { display: 'grid', gap: tokens.spacingVerticalL },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

type Outcome = { method: SmtpMethod; result: SmtpTestResult } | { method: SmtpMethod; error: AppErrorShape };
type Props = { step: Extract<WizardStep, { kind: 'verify' }>; onBack: () => void; onNext: () => void; onBridge: () => void };

/** The SMTP test login, live by stage, for the app password and for OAuth. No mail is sent. */
export function Verify({ step, onBack, onNext, onBridge }: Props) {
  const styles = useStyles();
  const { info } = useWizardContext();
  const [running, setRunning] = useState<SmtpMethod | null>(null);
  const [stages, setStages] = useState<StageProgress>(initialStages);
  const [outcomes, setOutcomes] = useState<Partial<Record<SmtpMethod, Outcome>>>({});

  useApiEvent('smtp:progress', ({ stage, detail }) => setStages((current) => advance(current, stage, detail)));

  const offerAppPassword = appPasswordRouteOpen(step.verdict, info.routesOffered);
  const offerOauth = info.routesOffered.includes('oauth');
  const anyPassed = Object.values(outcomes).some((outcome) => 'result' in outcome && outcome.result.ok);
  const retired =
    step.verdict.recommended === 'oauth' ||
    Object.values(outcomes).some((outcome) => 'result' in outcome && outcome.result.cause === 'basic-auth-retired');

  const test = async (method: SmtpMethod) => {
    setRunning(method);
    setStages(initialStages());
    try {
      const result = await call('smtp:test', { upn: step.account.upn, method });
      setStages((current) => settle(current, result.ok, result.stage));
      setOutcomes((current) => ({ ...current, [method]: { method, result } }));
    } catch (error) {
      setStages(initialStages());
      setOutcomes((current) => ({ ...current, [method]: { method, error: toErrorShape(error) } }));
    } finally {
      setRunning(null);
    }
  };

  return (
    <section className={styles.screen}>
      <ScreenHeading>Test the login</ScreenHeading>
      <Body1>
        The app logs in to {step.account.upn}&apos;s mailbox over SMTP exactly as a backup tool would, then logs out.
        No mail is sent.
      </Body1>
      {retired && <BasicAuthNotice />}
      <div className={styles.row}>
        {offerAppPassword && (
          <Button appearance="primary" icon={<KeyRegular />} disabledFocusable={running !== null} onClick={() => void test('app-password')}>
            Test the app password
          </Button>
        )}
        {offerOauth && (
          <Button
            appearance={offerAppPassword ? 'secondary' : 'primary'}
            icon={<ShieldKeyholeRegular />}
            disabledFocusable={running !== null}
            onClick={() => void test('oauth')}
          >
            Test with OAuth (XOAUTH2)
          </Button>
        )}
      </div>
      <div aria-live="polite" aria-busy={running !== null}>
        <SmtpStages stages={stages} />
      </div>
      {(['app-password', 'oauth'] as const).map((method) => {
        const outcome = outcomes[method];
        if (!outcome) return null;
        return 'result' in outcome ? (
          <TestResult key={method} method={method} result={outcome.result} />
        ) : (
          <ErrorMessage key={method} error={outcome.error} title="The test could not run" />
        );
      })}
      {retired && info.routesOffered.includes('bridge') && (
        <BridgeOffer onChoose={onBridge} reason="Basic authentication is retired or being retired for this mailbox." />
      )}
      <WizardNav onBack={onBack} nextLabel="Next: finish" nextDisabled={!anyPassed} onNext={() => anyPassed && onNext()} />
    </section>
  );
}
