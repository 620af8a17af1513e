import { Body1, Button, Card, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { KeyRegular } from '@fluentui/react-icons/svg/key';
import { ShieldKeyholeRegular } from '@fluentui/react-icons/svg/shield-keyhole';
import { useRef, useState, type ReactElement } from 'react';
import type { AppErrorShape } from '../../../../shared/ipc/app-error';
import type { SmtpMethod, SmtpTestResult } from '../../../../shared/smtp/result';
import { call } from '../../api';
import { useWizardContext } from '../context';
import { toErrorShape } from '../to-error-shape';
import { BasicAuthNotice } from '../parts/BasicAuthNotice';
import { BridgeOffer } from '../parts/BridgeOffer';
import { ErrorMessage } from '../parts/ErrorMessage';
import { ReportExport } from '../parts/ReportExport';
import { ScreenHeading } from '../parts/ScreenHeading';
import { SmtpStages, advance, initialStages, settle, type StageProgress } from '../parts/SmtpStages';
import { TestResult } from '../parts/TestResult';
import { useApiEvent } from '../parts/useApiEvent';
import { WizardNav } from '../parts/WizardNav';
import { appPasswordRouteOpen } from '../route';
import type { Proven, WizardStep } from '../steps';

const useStyles = makeStyles({
  screen: { display: 'grid', gap: tokens.spacingVerticalL },
  card: { display: 'grid', gap: tokens.spacingVerticalM },
  block: { display: 'grid', gap: tokens.spacingVerticalS },
});

type Outcome = { result: SmtpTestResult } | { error: AppErrorShape };
type Props = { step: Extract<WizardStep, { kind: 'verify' }>; onBack: () => void; onNext: (proven: Proven) => void; onBridge: () => void };

const routes: Record<SmtpMethod, { title: string; button: string; icon: ReactElement }> = {
  'app-password': { title: 'App password', button: 'Test the app password', icon: <KeyRegular /> },
  oauth: { title: 'OAuth (XOAUTH2)', button: 'Test with OAuth (XOAUTH2)', icon: <ShieldKeyholeRegular /> },
};

/**
 * The SMTP test login, one card per route: each with its own live stages and outcome, so one
 * route's progress never reads as the other's. No mail is sent.
 */
export function Verify({ step, onBack, onNext, onBridge }: Props) {
  const styles = useStyles();
  const { info } = useWizardContext();
  const [running, setRunning] = useState<SmtpMethod | null>(null);
  const runningRef = useRef<SmtpMethod | null>(null);
  const [stages, setStages] = useState<Record<SmtpMethod, StageProgress>>({ 'app-password': initialStages(), oauth: initialStages() });
  const [outcomes, setOutcomes] = useState<Partial<Record<SmtpMethod, Outcome>>>({});

  // Progress belongs to the test under way; a late event after it settled changes nothing.
  useApiEvent('smtp:progress', ({ stage, detail }) => {
    const method = runningRef.current;
    if (method) setStages((current) => ({ ...current, [method]: advance(current[method], stage, detail) }));
  });

  const offered: SmtpMethod[] = [
    ...(appPasswordRouteOpen(step.verdict, info.routesOffered) ? (['app-password'] as const) : []),
    ...(info.routesOffered.includes('oauth') ? (['oauth'] as const) : []),
  ];
  const proven: Proven = {};
  for (const method of offered) {
    const outcome = outcomes[method];
    if (outcome && 'result' in outcome) proven[method] = { ok: outcome.result.ok, cause: outcome.result.cause };
  }
  const anyPassed = Object.values(proven).some((p) => p.ok);
  const anyFailed = offered.some((method) => {
    const outcome = outcomes[method];
    return outcome !== undefined && ('error' in outcome || !outcome.result.ok);
  });
  const retired =
    step.verdict.recommended === 'oauth' ||
    Object.values(outcomes).some((outcome) => 'result' in outcome && outcome.result.cause === 'basic-auth-retired');

  const test = async (method: SmtpMethod) => {
    runningRef.current = method;
    setRunning(method);
    setStages((current) => ({ ...current, [method]: initialStages() }));
    try {
      const result = await call('smtp:test', { method });
      setStages((current) => ({ ...current, [method]: settle(current[method], result.ok, result.stage) }));
      setOutcomes((current) => ({ ...current, [method]: { result } }));
    } catch (error) {
      setStages((current) => ({ ...current, [method]: initialStages() }));
      setOutcomes((current) => ({ ...current, [method]: { error: toErrorShape(error) } }));
    } finally {
      runningRef.current = null;
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
      {offered.map((method, index) => {
        const outcome = outcomes[method];
        const touched = running === method || outcome !== undefined;
        return (
          <Card key={method} className={styles.card} data-testid={`route-${method}`}>
            <Subtitle2 as="h2">{routes[method].title}</Subtitle2>
            <div>
              <Button
                appearance={index === 0 ? 'primary' : 'secondary'}
                icon={routes[method].icon}
                disabledFocusable={running !== null}
                onClick={() => void test(method)}
              >
                {outcome ? `${routes[method].button} again` : routes[method].button}
              </Button>
            </div>
            {touched && (
              <div aria-live="polite" aria-busy={running === method}>
                <SmtpStages stages={stages[method]} label={`${routes[method].title} test stages`} />
              </div>
            )}
            {outcome &&
              ('result' in outcome ? (
                <TestResult method={method} result={outcome.result} />
              ) : (
                <ErrorMessage error={outcome.error} title="The test could not run" />
              ))}
          </Card>
        );
      })}
      {retired && info.routesOffered.includes('bridge') && (
        <BridgeOffer onChoose={onBridge} reason="Basic authentication is retired or being retired for this mailbox." />
      )}
      {anyFailed && !anyPassed && (
        <div className={styles.block}>
          <Subtitle2 as="h2">Stuck? Send the readiness report to your helpdesk</Subtitle2>
          <ReportExport />
        </div>
      )}
      <WizardNav onBack={onBack} nextLabel="Next: finish" nextDisabled={!anyPassed} onNext={() => anyPassed && onNext(proven)} />
    </section>
  );
}
