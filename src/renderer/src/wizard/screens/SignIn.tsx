import { Body1, Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { GlobeRegular, PhoneRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { Account } from '../../../../shared/account';
import type { EventPayload } from '../../../../shared/ipc/contract';
import type { AppErrorShape } from '../../../../shared/ipc/errors';
import { call } from '../../api';
import { toErrorShape } from '../errors';
import { DeviceCodeCard } from '../parts/DeviceCodeCard';
import { ErrorMessage } from '../parts/ErrorMessage';
import { Busy } from '../parts/Busy';
import { ScreenHeading } from '../parts/ScreenHeading';
import { useApiEvent } from '../parts/useApiEvent';
import { WizardNav } from '../parts/WizardNav';
import type { WizardStep } from '../steps';

const useStyles = makeStyles({
  screen: { display: 'grid', gap: tokens.spacingVerticalL },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'center' },
});

type Method = 'browser' | 'device-code';
type State =
  | { kind: 'checking' }
  | { kind: 'choose'; error: AppErrorShape | null; cancelled: boolean }
  | { kind: 'signing-in'; method: Method }
  | { kind: 'signed-in'; account: Account };

const progressText: Record<EventPayload<'auth:progress'>['stage'], string> = {
  'opening-browser': 'Opening the sign-in page in your browser…',
  waiting: 'Waiting for you to finish signing in…',
  exchanging: 'Signed in. Getting access for this app…',
  done: 'Signed in.',
};

type Props = { step: Extract<WizardStep, { kind: 'sign-in' }>; onBack: () => void; onNext: (account: Account) => void };

/** Silent sign-in first; otherwise the system browser or a device code, with progress and cancel. */
export function SignIn({ onBack, onNext }: Props) {
  const styles = useStyles();
  const [state, setState] = useState<State>({ kind: 'checking' });
  const [progress, setProgress] = useState('');
  const [deviceCode, setDeviceCode] = useState<EventPayload<'auth:device-code'> | null>(null);
  const [cachePersisted, setCachePersisted] = useState(true);

  useApiEvent('auth:progress', ({ stage }) => setProgress(progressText[stage]));
  useApiEvent('auth:device-code', setDeviceCode);

  useEffect(() => {
    let live = true;
    call('auth:current', {}).then(
      ({ account, cachePersisted: persisted }) => {
        if (!live) return;
        setCachePersisted(persisted);
        setState(account ? { kind: 'signed-in', account } : { kind: 'choose', error: null, cancelled: false });
      },
      () => live && setState({ kind: 'choose', error: null, cancelled: false }),
    );
    return () => {
      live = false;
    };
  }, []);

  const signIn = async (method: Method, switchAccount = false) => {
    setState({ kind: 'signing-in', method });
    setProgress(method === 'browser' ? progressText['opening-browser'] : 'Asking Microsoft for a code…');
    setDeviceCode(null);
    try {
      const { account } = await call('auth:sign-in', { method, ...(switchAccount ? { switchAccount } : {}) });
      setState({ kind: 'signed-in', account });
    } catch (error) {
      const shape = toErrorShape(error);
      const cancelled = shape.code === 'sign-in-cancelled';
      setState({ kind: 'choose', error: cancelled ? null : shape, cancelled });
    }
  };

  const [cancelError, setCancelError] = useState<AppErrorShape | null>(null);
  const cancel = () =>
    void call('auth:cancel', {}).then(
      () => setCancelError(null),
      (error: unknown) => setCancelError(toErrorShape(error)),
    );

  const signOut = async () => {
    try {
      await call('auth:sign-out', {});
      setState({ kind: 'choose', error: null, cancelled: false });
    } catch (error) {
      setState({ kind: 'choose', error: toErrorShape(error), cancelled: false });
    }
  };

  return (
    <section className={styles.screen}>
      <ScreenHeading>Sign in</ScreenHeading>
      <div aria-live="polite" data-testid="sign-in-status">
        {state.kind === 'checking' && <Busy label="Looking for an account you already signed in with…" />}
        {state.kind === 'signing-in' && <Busy label={progress} />}
        {state.kind === 'signed-in' && (
          <Body1>
            Signed in as <strong>{state.account.name}</strong> ({state.account.upn}).
          </Body1>
        )}
        {state.kind === 'choose' && state.cancelled && <Body1>Sign-in was cancelled. You can start again.</Body1>}
      </div>
      {state.kind === 'choose' && (
        <>
          <Body1>
            Sign in with the account you want the backup tool to use. Your password and second step go to Microsoft
            only; this app never sees them.
          </Body1>
          {state.error && <ErrorMessage error={state.error} title="Sign-in did not work" />}
          <div className={styles.row}>
            <Button appearance="primary" icon={<GlobeRegular />} onClick={() => void signIn('browser')}>
              Sign in with your browser
            </Button>
            <Button icon={<PhoneRegular />} onClick={() => void signIn('device-code')}>
              Use a code on another device
            </Button>
          </div>
        </>
      )}
      {state.kind === 'signing-in' && (
        <>
          {state.method === 'device-code' && deviceCode && <DeviceCodeCard info={deviceCode} />}
          <div>
            <Button onClick={cancel}>Cancel sign-in</Button>
          </div>
          {cancelError && <ErrorMessage error={cancelError} title="Could not cancel the sign-in" />}
        </>
      )}
      {state.kind === 'signed-in' && (
        <div className={styles.row}>
          <Button onClick={() => void signIn('browser', true)}>Use a different account</Button>
          <Button onClick={() => void signOut()}>Sign out</Button>
        </div>
      )}
      {!cachePersisted && (
        <MessageBar intent="info">
          <MessageBarBody>
            Your system keychain is not available, so this sign-in is kept in memory only and nothing is written to
            disk. You will be asked to sign in again next time.
          </MessageBarBody>
        </MessageBar>
      )}
      <WizardNav
        onBack={onBack}
        {...(state.kind === 'signed-in' ? { onNext: () => onNext(state.account) } : { onNext: () => undefined, nextDisabled: true })}
      />
    </section>
  );
}
