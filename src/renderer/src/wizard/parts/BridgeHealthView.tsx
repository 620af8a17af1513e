import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { PersonSyncRegular } from '@fluentui/react-icons/svg/person-sync';
import { useState } from 'react';
import type { BridgeView } from '../../../../shared/bridge/app-view';
import type { AppErrorShape } from '../../../../shared/ipc/app-error';
import { call } from '../../api';
import { toErrorShape } from '../to-error-shape';
import { BridgeStatusLine } from './BridgeStatusLine';
import { ErrorMessage } from './ErrorMessage';

/**
 * What BridgeHealthBanner shows: the alert with its way out (sign in again, or the guide for the
 * admin), or the status line. When the saved sign-in stops working, one click signs in again and
 * the bridge carries on without a restart.
 */
export function BridgeHealthView({ view, openGuide }: { view: BridgeView; openGuide: (id?: string) => void }) {
  const [signingIn, setSigningIn] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const signInAgain = async () => {
    setSigningIn(true);
    setError(null);
    try {
      // A fresh interactive sign-in: the cached one is what stopped working.
      await call('auth:sign-in', { method: 'browser', switchAccount: true });
    } catch (caught) {
      setError(toErrorShape(caught));
    } finally {
      setSigningIn(false);
    }
  };
  const { alert } = view;
  return (
    <section aria-label="Bridge health" data-testid="bridge-health" data-alert={alert?.kind ?? 'none'}>
      {alert ? (
        <MessageBar intent="warning" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>
              {alert.kind === 'needs-sign-in' ? 'Sign in again to keep your backup tool connected' : 'Your admin needs to act'}
            </MessageBarTitle>
            {alert.message}
          </MessageBarBody>
          <MessageBarActions>
            {alert.kind === 'needs-sign-in' ? (
              <Button appearance="primary" icon={<PersonSyncRegular />} disabledFocusable={signingIn} onClick={() => void signInAgain()}>
                {signingIn ? 'Signing in…' : 'Sign in again'}
              </Button>
            ) : (
              alert.guide && <Button onClick={() => openGuide(alert.guide ?? undefined)}>Read the guide</Button>
            )}
          </MessageBarActions>
        </MessageBar>
      ) : (
        <BridgeStatusLine view={view} />
      )}
      {error && <ErrorMessage error={error} title="Sign-in did not finish" />}
    </section>
  );
}
