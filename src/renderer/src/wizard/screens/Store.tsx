import { Body1, Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { LockClosedRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { Response } from '../../../../shared/ipc/contract';
import type { AppErrorShape } from '../../../../shared/ipc/errors';
import { call } from '../../api';
import { toErrorShape } from '../errors';
import { ErrorMessage } from '../parts/ErrorMessage';
import { KeychainLocation } from '../parts/KeychainLocation';
import { ReplaceDialog } from '../parts/ReplaceDialog';
import { Busy } from '../parts/Busy';
import { ScreenHeading } from '../parts/ScreenHeading';
import { WizardNav } from '../parts/WizardNav';
import type { WizardStep } from '../steps';

const useStyles = makeStyles({ screen: { display: 'grid', gap: tokens.spacingVerticalL } });

type Status = Response<'vault:status'>;
type Stored = Response<'vault:store'>;
type Props = { step: Extract<WizardStep, { kind: 'store' }>; onBack: () => void; onNext: () => void };

/** Saves the app password to the OS keychain, saying where; replaces only after confirmation. */
export function Store({ step, onBack, onNext }: Props) {
  const styles = useStyles();
  const upn = step.account.upn;
  const [status, setStatus] = useState<Status | null>(null);
  const [stored, setStored] = useState<Stored | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  useEffect(() => {
    call('vault:status', {}).then(setStatus, (caught: unknown) => setError(toErrorShape(caught)));
  }, [upn]);

  const store = async (replace: boolean) => {
    setConfirming(false);
    setBusy(true);
    setError(null);
    try {
      setStored(await call('vault:store', { password: step.password, replace }));
    } catch (caught) {
      setError(toErrorShape(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.screen}>
      <ScreenHeading>Store the app password</ScreenHeading>
      <Body1>
        The app password is saved in your operating system&apos;s keychain, not in a file. Your backup tool, and this
        app&apos;s test login, read it from there.
      </Body1>
      {status === null && !error && <Busy label="Looking in the keychain…" />}
      {status && <KeychainLocation service={status.service} account={status.account} />}
      {status?.stored && !stored && (
        <MessageBar intent="warning">
          <MessageBarBody>An app password is already stored for this account.</MessageBarBody>
        </MessageBar>
      )}
      {error && <ErrorMessage error={error} title="The keychain did not accept it" />}
      <div aria-live="polite">
        {busy && <Busy label="Saving…" />}
        {stored && (
          <MessageBar intent="success" layout="multiline" data-testid="stored">
            <MessageBarBody>
              <MessageBarTitle>{stored.replaced ? 'Replaced' : 'Saved'}</MessageBarTitle>
              The app password is in the keychain as service {stored.service}, account {stored.account}.
              {stored.warnings.map((warning) => (
                <div key={warning}>{warning}</div>
              ))}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {status && !stored && (
        <div>
          <Button
            appearance="primary"
            icon={<LockClosedRegular />}
            disabledFocusable={busy}
            onClick={() => (status.stored ? setConfirming(true) : void store(false))}
          >
            {status.stored ? 'Replace the stored password…' : 'Save to the keychain'}
          </Button>
        </div>
      )}
      <ReplaceDialog
        open={confirming}
        account={status?.account ?? upn}
        onConfirm={() => void store(true)}
        onCancel={() => setConfirming(false)}
      />
      <WizardNav onBack={onBack} nextLabel="Next: test the login" nextDisabled={stored === null} onNext={() => stored && onNext()} />
    </section>
  );
}
