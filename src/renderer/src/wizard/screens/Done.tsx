import { Body1, Card, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Response } from '../../../../shared/ipc/contract';
import { causeLabel, routeName } from '../../../../shared/smtp/cause-labels';
import type { SmtpMethod } from '../../../../shared/smtp/result';
import { useIpcQuery } from '../../ipc/useIpc';
import { ErrorMessage } from '../parts/ErrorMessage';
import { ReportExport } from '../parts/ReportExport';
import { Busy } from '../parts/Busy';
import { ScreenHeading } from '../parts/ScreenHeading';
import { SettingsTable, type Setting } from '../parts/SettingsTable';
import { DoneNav } from '../parts/DoneNav';
import type { WizardStep } from '../steps';

const useStyles = makeStyles({
  screen: { display: 'grid', gap: tokens.spacingVerticalL },
  block: { display: 'grid', gap: tokens.spacingVerticalS },
  card: { display: 'grid', gap: tokens.spacingVerticalS },
});

type Config = Response<'config:get'>;
type Vault = Response<'vault:status'>;
type Props = { step: Extract<WizardStep, { kind: 'done' }>; onBack: () => void; onRestart: () => void };

/**
 * Per route: what the tool needs besides the server settings, and what to tell the user. A new
 * route (the bridge) adds one entry here and one key to the Verify screen's proven results.
 */
const routeViews: Record<SmtpMethod, { settings: (vault: Vault | null) => Setting[]; note: string }> = {
  'app-password': {
    settings: (vault) =>
      vault
        ? [
            { name: 'Password: keychain service', value: vault.service },
            { name: 'Password: keychain account', value: vault.account },
          ]
        : [],
    note: 'The password itself stays in your system keychain. Tools that read the keychain find it under the service and account above; otherwise open your keychain app and copy it from there.',
  },
  oauth: {
    settings: () => [{ name: 'Authentication', value: 'OAuth 2.0 (XOAUTH2)' }],
    note: 'Choose OAuth (it may be called "Modern authentication" or "Sign in with Microsoft") in your tool and sign in with this account. No password is stored.',
  },
};

const order: SmtpMethod[] = ['oauth', 'app-password'];

/** What was proven to work, per route, with the settings to enter; what failed, plainly. */
export function Done({ step, onBack, onRestart }: Props) {
  const styles = useStyles();
  const upn = step.account.upn;
  const config = useIpcQuery('config:get', {});
  const vault = useIpcQuery('vault:status', {}, upn);
  const worked = order.filter((method) => step.proven[method]?.ok === true);
  const refused = order.filter((method) => step.proven[method]?.ok === false);
  const failure = config.state.kind === 'failed' ? config.state.error : null;
  const loaded = config.state.kind === 'done' ? config.state.value : null;
  const keychain = vault.state.kind === 'done' ? vault.state.value : null;

  const server = (c: Config): Setting[] => [
    { name: 'SMTP server', value: c.smtpHost },
    { name: 'Port', value: String(c.smtpPort) },
    { name: 'Encryption', value: 'STARTTLS' },
    { name: 'User name', value: upn },
  ];

  return (
    <section className={styles.screen}>
      <ScreenHeading>You&apos;re ready</ScreenHeading>
      <Body1 data-testid="proven-summary">
        {worked.length === 1
          ? `Proven by a test login: ${routeName[worked[0] ?? 'oauth']}. Set up your backup or migration tool with it.`
          : `Proven by test logins: ${worked.map((method) => routeName[method]).join(' and ')}. Use the first your tool supports.`}
      </Body1>
      {refused.map((method) => (
        <MessageBar key={method} intent="warning" layout="multiline" data-testid={`refused-${method}`}>
          <MessageBarBody>
            {routeName[method]} was refused ({causeLabel[step.proven[method]?.cause ?? 'unknown']}): do not use it.
            {worked.includes('oauth') && ' Your tool needs to support OAuth (XOAUTH2).'}
          </MessageBarBody>
        </MessageBar>
      ))}
      {config.state.kind === 'busy' && <Busy label="Collecting the settings…" />}
      {failure && <ErrorMessage error={failure} />}
      {loaded &&
        worked.map((method) => {
          const settings = [...server(loaded), ...routeViews[method].settings(keychain)];
          return (
            <Card key={method} className={styles.card} data-testid={`proven-${method}`}>
              <Subtitle2 as="h2">{routeName[method]}: works</Subtitle2>
              <SettingsTable settings={settings} label={`Settings for your backup tool: ${routeName[method]}`} />
              <Body1>{routeViews[method].note}</Body1>
            </Card>
          );
        })}
      <div className={styles.block}>
        <Subtitle2 as="h2">Readiness report</Subtitle2>
        <ReportExport />
      </div>
      <DoneNav onBack={onBack} onRestart={onRestart} />
    </section>
  );
}
