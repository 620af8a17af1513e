import { Body1, Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons/svg/arrow-clockwise';
import { DismissRegular } from '@fluentui/react-icons/svg/dismiss';
import { GlobeRegular } from '@fluentui/react-icons/svg/globe';
import { PhoneRegular } from '@fluentui/react-icons/svg/phone';
import { useEffect, useRef, useState } from 'react';
import type { Account } from '../../../../shared/account';
import type { EventPayload } from '../../../../shared/ipc/contract';
import type { AppErrorShape } from '../../../../shared/ipc/app-error';
import { call } from '../../api';
import { toErrorShape } from '../to-error-shape';
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
  | { kind: 'choose'; error: AppErrorShape | null; note: 'cancelled' | 'timed-out' | null }
  | { kind: 'signing-in'; method: Method; startedAt: number }
  /** fresh: signed in on this screen just now (not found already signed in): Next takes focus. */
  | { kind: 'signed-in'; account: Account; fresh?: boolean };

/** How long a browser sign-in may wait before the app stops waiting (a closed tab never answers). */
export const browserSignInTimeoutMs = 10 * 60_000;

const progressText: Record<EventPayload<'auth:progress'>['stage'], string> = {
  'opening-browser': 'Opening the sign-in page in your browser…',
  waiting: 'Waiting for you to finish signing in…',
  exchanging: 'Signed in. Getting access for this app…',
  done: 'Signed in.',
};

type Props = { step: Extract<WizardStep, { kind: 'sign-in' }>; onBack: () => void; onNext: (account: Account) => void };

/**
 * Silent sign-in first; otherwise the system browser or a device code, with progress. A sign-in
 * can always be cancelled, is cancelled when the user leaves the screen, stops waiting after a
 * while with a message, and can reopen its page (a closed tab, a browser that did not open).
 */
export function SignIn({ onBack, onNext }: Props) {
  const styles = useStyles();
  const [state, setState] = useState<State>({ kind: 'checking' });
  const [progress, setProgress] = useState('');
  const [deviceCode, setDeviceCode] = useState<EventPayload<'auth:device-code'> | null>(null);
  const [cachePersisted, setCachePersisted] = useState(true);
  // Each attempt has a number: the answer to an abandoned attempt never changes the screen.
  const attempt = useRef(0);

  useApiEvent('auth:progress', ({ stage }) => setProgress(progressText[stage]));
  useApiEvent('auth:device-code', setDeviceCode);

  useEffect(() => {
    let live = true;
    call('auth:current', {}).then(
      ({ account, cachePersisted: persisted }) => {
        if (!live) return;
        setCachePersisted(persisted);
        setState(account ? { kind: 'signed-in', account } : { kind: 'choose', error: null, note: null });
      },
      () => live && setState({ kind: 'choose', error: null, note: null }),
    );
    return () => {
      live = false;
    };
  }, []);

  // Leaving the screen mid sign-in cancels it, so no sign-in is left running behind the wizard.
  const signingIn = useRef(false);
  useEffect(() => {
    signingIn.current = state.kind === 'signing-in';
  }, [state.kind]);
  useEffect(
    () => () => {
      if (!signingIn.current) return;
      attempt.current += 1;
      void call('auth:cancel', {}).catch(() => undefined);
    },
    [],
  );

  // A sign-in nobody finishes (a closed tab, an expired code) stops waiting with a message.
  const deadline =
    state.kind !== 'signing-in'
      ? null
      : state.method === 'device-code' && deviceCode
        ? new Date(deviceCode.expiresAt).getTime()
        : state.startedAt + browserSignInTimeoutMs;
  useEffect(() => {
    if (deadline === null) return undefined;
    const timer = setTimeout(() => {
      attempt.current += 1;
      void call('auth:cancel', {}).catch(() => undefined);
      setState({ kind: 'choose', error: null, note: 'timed-out' });
    }, Math.max(deadline - Date.now(), 0));
    return () => clearTimeout(timer);
  }, [deadline]);

  const signIn = async (method: Method, switchAccount = false) => {
    const mine = ++attempt.current;
    setState({ kind: 'signing-in', method, startedAt: Date.now() });
    setProgress(method === 'browser' ? progressText['opening-browser'] : 'Asking Microsoft for a code…');
    setDeviceCode(null);
    try {
      const { account } = await call('auth:sign-in', { method, ...(switchAccount ? { switchAccount } : {}) });
      if (mine === attempt.current) setState({ kind: 'signed-in', account, fresh: true });
    } catch (error) {
      if (mine !== attempt.current) return;
      const shape = toErrorShape(error);
      const cancelled = shape.code === 'sign-in-cancelled';
      setState({ kind: 'choose', error: cancelled ? null : shape, note: cancelled ? 'cancelled' : null });
    }
  };

  const cancel = async () => {
    // The pending sign-in answers "cancelled" itself; if nothing was pending, stop waiting here.
    const { cancelled } = await call('auth:cancel', {}).catch(() => ({ cancelled: false }));
    if (!cancelled) {
      attempt.current += 1;
      setState({ kind: 'choose', error: null, note: 'cancelled' });
    }
  };

  const reopen = async () => {
    // A new attempt opens a fresh sign-in page; the old one is cancelled first (one at a time).
    attempt.current += 1;
    await call('auth:cancel', {}).catch(() => undefined);
    await signIn('browser');
  };

  const signOut = async () => {
    try {
      await call('auth:sign-out', {});
      setState({ kind: 'choose', error: null, note: null });
    } catch (error) {
      setState({ kind: 'choose', error: toErrorShape(error), note: null });
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
        {state.kind === 'choose' && state.note === 'cancelled' && <Body1>Sign-in was cancelled. You can start again.</Body1>}
        {state.kind === 'choose' && state.note === 'timed-out' && (
          <MessageBar intent="warning" layout="multiline" data-testid="sign-in-timed-out">
            <MessageBarBody>
              The sign-in was not finished in time, so the app stopped waiting. If the browser tab was closed or the
              code expired, simply start again.
            </MessageBarBody>
          </MessageBar>
        )}
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
          {state.method === 'browser' && (
            <Body1>
              Finish signing in on the page that opened in your browser. Closed it by mistake, or nothing opened? Open the
              sign-in page again.
            </Body1>
          )}
          <div className={styles.row}>
            {state.method === 'browser' && (
              <Button icon={<ArrowClockwiseRegular />} onClick={() => void reopen()}>
                Open the sign-in page again
              </Button>
            )}
            <Button icon={<DismissRegular />} onClick={() => void cancel()}>
              Cancel sign-in
            </Button>
          </div>
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
        focusNext={state.kind === 'signed-in' && state.fresh === true}
        {...(state.kind === 'signed-in' ? { onNext: () => onNext(state.account) } : { onNext: () => undefined, nextDisabled: true })}
      />
    </section>
  );
}
