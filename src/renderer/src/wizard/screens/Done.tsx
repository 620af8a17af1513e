import { Body1, Button, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Response } from '../../../../shared/ipc/contract';
import type { AppErrorShape } from '../../../../shared/ipc/errors';
import { call } from '../../api';
import { useWizardContext } from '../context';
import { toErrorShape } from '../errors';
import { ErrorMessage } from '../parts/ErrorMessage';
import { ReportExport } from '../parts/ReportExport';
import { Busy } from '../parts/Busy';
import { ScreenHeading } from '../parts/ScreenHeading';
import { SettingsTable, type Setting } from '../parts/SettingsTable';
import { WizardNav } from '../parts/WizardNav';
import { appPasswordRouteOpen } from '../route';
import type { WizardStep } from '../steps';

const useStyles = makeStyles({
  screen: { display: 'grid', gap: tokens.spacingVerticalL },
  block: { display: 'grid', gap: tokens.spacingVerticalS },
});

type Loaded = { config: Response<'config:get'>; vault: Response<'vault:status'> };
type Props = { step: Extract<WizardStep, { kind: 'done' }>; onBack: () => void; onRestart: () => void };

/** What the backup or migration tool needs, ready to copy, and the report for the helpdesk. */
export function Done({ step, onBack, onRestart }: Props) {
  const styles = useStyles();
  const { info } = useWizardContext();
  const upn = step.account.upn;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);

  useEffect(() => {
    Promise.all([call('config:get', {}), call('vault:status', {})]).then(
      ([config, vault]) => setLoaded({ config, vault }),
      (caught: unknown) => setError(toErrorShape(caught)),
    );
  }, [upn]);

  const appPassword = appPasswordRouteOpen(step.verdict, info.routesOffered) && loaded?.vault.stored === true;
  const settings: Setting[] = loaded
    ? [
        { name: 'SMTP server', value: loaded.config.smtpHost },
        { name: 'Port', value: String(loaded.config.smtpPort) },
        { name: 'Encryption', value: 'STARTTLS' },
        { name: 'User name', value: upn },
        ...(appPassword
          ? [
              { name: 'Password: keychain service', value: loaded.vault.service },
              { name: 'Password: keychain account', value: loaded.vault.account },
            ]
          : [{ name: 'Authentication', value: 'OAuth 2.0 (XOAUTH2), sign in with this account' }]),
      ]
    : [];

  return (
    <section className={styles.screen}>
      <ScreenHeading>You&apos;re ready</ScreenHeading>
      <Body1>Enter these settings in your backup or migration tool.</Body1>
      {!loaded && !error && <Busy label="Collecting the settings…" />}
      {error && <ErrorMessage error={error} />}
      {loaded && <SettingsTable settings={settings} label="Settings for your backup tool" />}
      {appPassword && (
        <Body1>
          The password itself stays in your system keychain. Tools that read the keychain find it under the service and
          account above; otherwise open your keychain app and copy it from there.
        </Body1>
      )}
      <div className={styles.block}>
        <Subtitle2 as="h2">Readiness report</Subtitle2>
        <ReportExport />
      </div>
      <WizardNav onBack={onBack} />
      <div>
        <Button appearance="subtle" onClick={onRestart}>
          Start over
        </Button>
      </div>
    </section>
  );
}
