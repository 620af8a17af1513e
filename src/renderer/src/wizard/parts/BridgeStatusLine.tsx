import { Badge, Body1, makeStyles, tokens } from '@fluentui/react-components';
import type { BridgeView } from '../../../../shared/bridge/app-view';

const useStyles = makeStyles({ line: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' } });

/** One line: running, paused or stopped, sessions, who runs it, the last error. */
export function BridgeStatusLine({ view }: { view: BridgeView }) {
  const styles = useStyles();
  const { status } = view;
  const lastError = status.accounts.map((account) => account.lastError).find((error) => error !== null) ?? null;
  const sessions = `${status.sessionsOpen} session${status.sessionsOpen === 1 ? '' : 's'} open`;
  return (
    <div className={styles.line} data-testid="bridge-status" data-state={status.state}>
      <Badge appearance="tint" color={view.alert ? 'warning' : status.state === 'running' ? 'success' : 'informative'}>
        {status.state === 'running' ? 'Running' : status.state === 'paused' ? 'Paused' : 'Stopped'}
      </Badge>
      <Body1>
        {status.state === 'running' ? sessions : 'Tools cannot log in while the bridge is not running.'}
        {status.owner === 'other-process' && ' · started from the command line (m365-connect bridge run), the app uses it'}
        {lastError && !view.alert && ` · last error: ${lastError.message}`}
      </Body1>
    </div>
  );
}
