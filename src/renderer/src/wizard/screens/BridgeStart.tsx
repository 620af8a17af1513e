import { Body1, Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { PlugConnectedRegular } from '@fluentui/react-icons/svg/plug-connected';
import { useState } from 'react';
import type { BridgeTestResult } from '../../../../shared/bridge/app-view';
import type { AppErrorShape } from '../../../../shared/ipc/app-error';
import { call } from '../../api';
import type { BridgeStep } from '../bridge-steps';
import { toErrorShape } from '../to-error-shape';
import { BridgeStatusLine } from '../parts/BridgeStatusLine';
import { Busy } from '../parts/Busy';
import { ErrorMessage } from '../parts/ErrorMessage';
import { ScreenHeading } from '../parts/ScreenHeading';
import { useBridgeView } from '../parts/useBridgeView';
import { WizardNav } from '../parts/WizardNav';

const useStyles = makeStyles({ screen: { display: 'grid', gap: tokens.spacingVerticalL } });

type Props = { step: Extract<BridgeStep, { kind: 'bridge-start' }>; onBack: () => void; onNext: () => void };
type TestState = { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; results: BridgeTestResult[] } | { kind: 'failed'; error: AppErrorShape };

const protocolName = { smtp: 'SMTP (sending)', imap: 'IMAP (reading the mailbox)' } as const;

/** Starts the bridge (or finds the one already running), then logs in through it as the tool will. */
export function BridgeStart({ step, onBack, onNext }: Props) {
  const styles = useStyles();
  const { view, error, run } = useBridgeView();
  const [starting, setStarting] = useState(false);
  const [test, setTest] = useState<TestState>({ kind: 'idle' });

  const startAndTest = async () => {
    setStarting(true);
    const started = await run(() => call('bridge:start', {}));
    setStarting(false);
    if (!started) return;
    setTest({ kind: 'running' });
    try {
      setTest({ kind: 'done', ...(await call('bridge:test', {})) });
    } catch (caught) {
      setTest({ kind: 'failed', error: toErrorShape(caught) });
    }
  };
  const passed = test.kind === 'done' && test.results.length > 0 && test.results.every((result) => result.ok);
  const running = view?.status.state === 'running';

  return (
    <section className={styles.screen}>
      <ScreenHeading>Start the bridge</ScreenHeading>
      <Body1>
        The bridge listens on this computer only (127.0.0.1). Your tool logs in to it with {step.account.upn} and a
        bridge password; the bridge signs in to Microsoft 365 with OAuth for it. The app then logs in through the bridge
        itself, exactly as your tool will.
      </Body1>
      {view && <BridgeStatusLine view={view} />}
      <div>
        <Button
          appearance="primary"
          icon={<PlugConnectedRegular />}
          disabledFocusable={starting || test.kind === 'running'}
          onClick={() => void startAndTest()}
        >
          {running ? 'Test the login through the bridge' : 'Start the bridge and test it'}
        </Button>
      </div>
      <div aria-live="polite">
        {starting && <Busy label="Starting the bridge…" />}
        {test.kind === 'running' && <Busy label="Logging in through the bridge…" />}
      </div>
      {error && <ErrorMessage error={error} title="The bridge could not start" />}
      {test.kind === 'failed' && <ErrorMessage error={test.error} title="The test could not run" />}
      {test.kind === 'done' &&
        test.results.map((result) => (
          <MessageBar key={result.protocol} intent={result.ok ? 'success' : 'error'} layout="multiline" data-testid={`bridge-test-${result.protocol}`} data-cause={result.cause ?? ''}>
            <MessageBarBody>
              <MessageBarTitle>
                {protocolName[result.protocol]}: {result.ok ? 'the login through the bridge works' : 'the login was refused'}
              </MessageBarTitle>
              {result.advice}
            </MessageBarBody>
          </MessageBar>
        ))}
      <WizardNav onBack={onBack} nextLabel="Next: your tool's settings" nextDisabled={!passed} onNext={() => passed && onNext()} />
    </section>
  );
}
