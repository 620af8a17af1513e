import { Body1, Button, Card, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons/svg/arrow-clockwise';
import { KeyResetRegular } from '@fluentui/react-icons/svg/key-reset';
import type { Account } from '../../../../shared/account';
import type { Verdict } from '../../../../shared/readiness/verdict';
import { causeLabel, routeName } from '../../../../shared/smtp/cause-labels';
import type { LastTest } from '../../../../shared/smtp/last-test';
import { useIpcMutation, useIpcQuery } from '../../ipc/useIpc';
import { Busy } from './Busy';
import { ErrorMessage } from './ErrorMessage';

const useStyles = makeStyles({
  card: { display: 'grid', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export type Resume = 'test-again' | 'replace-password';

const when = (iso: string): string => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? 'earlier' : date.toLocaleString();
};

export const lastTestLine = (test: LastTest): string =>
  `${routeName[test.method]}: ${test.ok ? 'worked' : `refused (${causeLabel[test.cause]})`}, ${when(test.at)}`;

/**
 * Where a returning account stands (signed in, app password stored, last test per route) and the
 * two ways on from there. Both re-run the readiness check first: settings may have changed since.
 */
export function ReturningUser({ account, onResume }: { account: Account; onResume: (resume: Resume, verdict: Verdict) => void }) {
  const styles = useStyles();
  const vault = useIpcQuery('vault:status', {}, account.upn);
  const tests = useIpcQuery('smtp:last-tests', {}, account.upn);
  const check = useIpcMutation('readiness:check');
  const stored = vault.state.kind === 'done' && vault.state.value.stored;
  const resume = async (kind: Resume) => {
    const verdict = await check.run({});
    if (verdict) onResume(kind, verdict);
  };
  return (
    <Card className={styles.card} data-testid="returning-user">
      <Subtitle2 as="h2">Welcome back, {account.name}</Subtitle2>
      <ul className={styles.list} aria-label="Where your account stands">
        <li>Signed in as {account.upn}.</li>
        <li>
          {vault.state.kind === 'busy'
            ? 'Looking in the keychain…'
            : vault.state.kind === 'failed'
              ? 'The keychain could not be read.'
              : stored
                ? 'An app password is stored in your system keychain.'
                : 'No app password is stored.'}
        </li>
        {tests.state.kind === 'done' &&
          (tests.state.value.tests.length === 0 ? (
            <li>No test login yet.</li>
          ) : (
            tests.state.value.tests.map((test) => <li key={test.method}>Last test login with {lastTestLine(test)}.</li>)
          ))}
      </ul>
      <div className={styles.row}>
        <Button appearance="primary" icon={<ArrowClockwiseRegular />} disabledFocusable={check.state.kind === 'busy'} onClick={() => void resume('test-again')}>
          Test again
        </Button>
        <Button icon={<KeyResetRegular />} disabledFocusable={check.state.kind === 'busy'} onClick={() => void resume('replace-password')}>
          {stored ? 'Replace the app password' : 'Add an app password'}
        </Button>
      </div>
      <div aria-live="polite">{check.state.kind === 'busy' && <Busy label="Checking your account…" />}</div>
      {check.state.kind === 'failed' && <ErrorMessage error={check.state.error} title="The check did not finish" />}
      <Body1>Or start from the beginning to sign in with another account or read every step again.</Body1>
    </Card>
  );
}
