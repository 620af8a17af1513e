import { Body1, Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons/svg/arrow-clockwise';
import { LockClosedRegular } from '@fluentui/react-icons/svg/lock-closed';
import { useState } from 'react';
import { useIpcMutation, useIpcQuery } from '../../ipc/useIpc';
import { useWizardContext } from '../context';
import { ErrorMessage } from '../parts/ErrorMessage';
import { KeychainLocation } from '../parts/KeychainLocation';
import { ReplaceDialog } from '../parts/ReplaceDialog';
import { Busy } from '../parts/Busy';
import { ScreenHeading } from '../parts/ScreenHeading';
import { WizardNav } from '../parts/WizardNav';
import type { WizardStep } from '../steps';

const useStyles = makeStyles({
  screen: { display: 'grid', gap: tokens.spacingVerticalL },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

type Props = {
  step: Extract<WizardStep, { kind: 'store' }>;
  onBack: () => void;
  onNext: () => void;
  /** The way on when the keychain cannot take the password: test the OAuth login instead. */
  onSkipToTest: () => void;
};

/**
 * Saves the app password to the OS keychain, saying where; replaces only after confirmation;
 * keeping the stored one is a way on too. Without a keychain it says so, offers to try again,
 * and leads on to the OAuth test, which needs no stored password.
 */
export function Store({ step, onBack, onNext, onSkipToTest }: Props) {
  const styles = useStyles();
  const { info } = useWizardContext();
  const upn = step.account.upn;
  const status = useIpcQuery('vault:status', {}, upn);
  const save = useIpcMutation('vault:store');
  const [confirming, setConfirming] = useState(false);
  const [keptOld, setKeptOld] = useState(false);
  const stored = save.state.kind === 'done' ? save.state.value : null;
  const current = status.state.kind === 'done' ? status.state.value : null;
  const oauthOffered = info.routesOffered.includes('oauth');
  const canGoOn = stored !== null || keptOld;

  const store = (replace: boolean) => {
    setConfirming(false);
    setKeptOld(false);
    void save.run({ password: step.password, replace });
  };

  return (
    <section className={styles.screen}>
      <ScreenHeading>Store the app password</ScreenHeading>
      <Body1>
        The app password is saved in your operating system&apos;s keychain, not in a file. Your backup tool, and this
        app&apos;s test login, read it from there.
      </Body1>
      {status.state.kind === 'busy' && <Busy label="Looking in the keychain…" />}
      {status.state.kind === 'failed' && (
        <>
          <ErrorMessage error={status.state.error} title="The keychain could not be reached" />
          <div className={styles.row}>
            <Button icon={<ArrowClockwiseRegular />} onClick={status.reload}>
              Try the keychain again
            </Button>
            {oauthOffered && (
              <Button appearance="primary" onClick={onSkipToTest}>
                Test with OAuth instead (no password stored)
              </Button>
            )}
          </div>
        </>
      )}
      {current && <KeychainLocation service={current.service} account={current.account} />}
      {current?.stored && !stored && !keptOld && (
        <MessageBar intent="warning">
          <MessageBarBody>An app password is already stored for this account.</MessageBarBody>
        </MessageBar>
      )}
      {save.state.kind === 'failed' && (
        <>
          <ErrorMessage error={save.state.error} title="The keychain did not accept it" />
          {oauthOffered && (
            <div>
              <Button onClick={onSkipToTest}>Test with OAuth instead (no password stored)</Button>
            </div>
          )}
        </>
      )}
      <div aria-live="polite">
        {save.state.kind === 'busy' && <Busy label="Saving…" />}
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
        {keptOld && (
          <MessageBar intent="info" data-testid="kept-old">
            <MessageBarBody>The stored app password stays as it is. The test login uses it.</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {current && !stored && (
        <div>
          <Button
            appearance={keptOld ? 'secondary' : 'primary'}
            icon={<LockClosedRegular />}
            disabledFocusable={save.state.kind === 'busy'}
            onClick={() => (current.stored ? setConfirming(true) : store(false))}
          >
            {current.stored ? 'Replace the stored password…' : save.state.kind === 'failed' ? 'Try saving again' : 'Save to the keychain'}
          </Button>
        </div>
      )}
      <ReplaceDialog
        open={confirming}
        account={current?.account ?? upn}
        onConfirm={() => store(true)}
        onCancel={() => {
          setConfirming(false);
          setKeptOld(true);
        }}
      />
      <WizardNav
        onBack={onBack}
        nextLabel="Next: test the login"
        nextDisabled={!canGoOn}
        focusNext={canGoOn}
        onNext={() => canGoOn && onNext()}
      />
    </section>
  );
}
