import { Body1, Button, Subtitle2, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { PauseRegular } from '@fluentui/react-icons/svg/pause';
import { PlayRegular } from '@fluentui/react-icons/svg/play';
import { useEffect, useState } from 'react';
import type { AppErrorShape } from '../../../../shared/ipc/app-error';
import { call } from '../../api';
import type { BridgeStep } from '../bridge-steps';
import { toErrorShape } from '../to-error-shape';
import { BridgeStatusLine } from '../parts/BridgeStatusLine';
import { Busy } from '../parts/Busy';
import { ErrorMessage } from '../parts/ErrorMessage';
import { PasswordField } from '../parts/PasswordField';
import { ScreenHeading } from '../parts/ScreenHeading';
import { SettingsTable, type Setting } from '../parts/SettingsTable';
import { useBridgeView } from '../parts/useBridgeView';
import { DoneNav } from '../parts/DoneNav';

const useStyles = makeStyles({
  screen: { display: 'grid', gap: tokens.spacingVerticalL },
  block: { display: 'grid', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'center' },
});

type Props = { step: Extract<BridgeStep, { kind: 'bridge-done' }>; onBack: () => void; onRestart: () => void };

/** Exactly what to type into the tool: the bridge's listeners, the user name, the bridge password. */
export function BridgeDone({ step, onBack, onRestart }: Props) {
  const styles = useStyles();
  const { view, error, run } = useBridgeView();
  const [password, setPassword] = useState<{ upn: string; password: string } | null>(null);
  const [passwordError, setPasswordError] = useState<AppErrorShape | null>(null);

  useEffect(() => {
    let live = true;
    call('bridge:password', {}).then(
      (loaded) => live && setPassword(loaded),
      (caught: unknown) => live && setPasswordError(toErrorShape(caught)),
    );
    return () => {
      live = false;
      // The password leaves renderer memory with the screen.
      setPassword(null);
    };
  }, []);

  const listener = (protocol: 'smtp' | 'imap') => view?.status.listeners.find((item) => item.protocol === protocol);
  const smtp = listener('smtp');
  const imap = listener('imap');
  const encryption = [smtp, imap].some((item) => item?.starttls) ? 'STARTTLS' : 'None';
  const settings: Setting[] = view
    ? [
        { name: 'Server', value: smtp?.host ?? imap?.host ?? '127.0.0.1' },
        ...(smtp ? [{ name: 'SMTP port', value: String(smtp.port) }] : []),
        ...(imap ? [{ name: 'IMAP port', value: String(imap.port) }] : []),
        { name: 'Encryption', value: encryption },
        { name: 'User name', value: password?.upn ?? step.account.upn },
      ]
    : [];
  const { status } = view ?? { status: null };
  const ownBridge = status?.owner === 'this-process';

  return (
    <section className={styles.screen}>
      <ScreenHeading>You&apos;re ready: connect your tool to the bridge</ScreenHeading>
      <Body1>Enter these settings in your backup or migration tool. Keep this app running: the bridge lives in it.</Body1>
      {!view && !error && <Busy label="Collecting the settings…" />}
      {error && <ErrorMessage error={error} />}
      {view && <SettingsTable settings={settings} label="Settings for your backup tool" />}
      {encryption === 'STARTTLS' && (
        <Body1>
          If your tool refuses the bridge&apos;s own certificate, choose no encryption instead: the connection never leaves
          this computer.
        </Body1>
      )}
      <div className={styles.block}>
        <Subtitle2 as="h2">Password</Subtitle2>
        <Body1>The bridge password, not your Microsoft 365 password. It only works on this computer.</Body1>
        {password && <PasswordField value={password.password} label="Bridge password" />}
        {passwordError && <ErrorMessage error={passwordError} title="The bridge password is not available" />}
      </div>
      {view && (
        <div className={styles.block}>
          <Subtitle2 as="h2">The bridge</Subtitle2>
          <BridgeStatusLine view={view} />
          <div className={styles.row}>
            {ownBridge && status?.state === 'running' && (
              <Button icon={<PauseRegular />} onClick={() => void run(() => call('bridge:pause', {}))}>
                Pause the bridge
              </Button>
            )}
            {ownBridge && status?.state === 'paused' && (
              <Button icon={<PlayRegular />} onClick={() => void run(() => call('bridge:resume', {}))}>
                Resume the bridge
              </Button>
            )}
            <Switch
              label="Start at login"
              checked={view.startAtLogin.enabled}
              disabled={view.startAtLogin.lockedByPolicy}
              onChange={(_event, data) => void run(() => call('bridge:start-at-login', { enabled: data.checked }))}
            />
            {view.startAtLogin.lockedByPolicy && <Body1>Set by your organisation.</Body1>}
          </div>
        </div>
      )}
      <DoneNav onBack={onBack} onRestart={onRestart} />
    </section>
  );
}
