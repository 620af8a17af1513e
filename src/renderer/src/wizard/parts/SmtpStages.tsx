import { Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled } from '@fluentui/react-icons/svg/checkmark-circle';
import { CircleRegular } from '@fluentui/react-icons/svg/circle';
import { DismissCircleFilled } from '@fluentui/react-icons/svg/dismiss-circle';
import type { SmtpStage } from '../../../../shared/smtp/result';

export type StageState = 'pending' | 'active' | 'ok' | 'failed';
export type StageProgress = Record<Exclude<SmtpStage, 'done'>, { state: StageState; detail: string }>;

export const stageLabels: Record<keyof StageProgress, string> = {
  connect: 'Connect to the mail server',
  tls: 'Secure the connection (STARTTLS)',
  auth: 'Log in (SMTP AUTH)',
};

export const initialStages = (): StageProgress => ({
  connect: { state: 'pending', detail: '' },
  tls: { state: 'pending', detail: '' },
  auth: { state: 'pending', detail: '' },
});

const order: (keyof StageProgress)[] = ['connect', 'tls', 'auth'];

/** Progress moves to `stage`: earlier stages are done, this one is under way (or all done). */
export function advance(stages: StageProgress, stage: SmtpStage, detail: string): StageProgress {
  const at = stage === 'done' ? order.length : order.indexOf(stage);
  const next = { ...stages };
  order.forEach((name, index) => {
    if (index < at) next[name] = { state: 'ok', detail: stages[name].detail };
    else if (index === at) next[name] = { state: 'active', detail };
  });
  return next;
}

/** The outcome: stages before the failing one passed, the failing one failed, later ones never ran. */
export function settle(stages: StageProgress, ok: boolean, stage: SmtpStage): StageProgress {
  if (ok) return advance(stages, 'done', '');
  const failedAt = stage === 'done' ? order.length - 1 : order.indexOf(stage);
  const next = { ...stages };
  order.forEach((name, index) => {
    // The failing stage's detail was the live note ("Stopped: …"); the outcome below explains it.
    const state: StageState = index < failedAt ? 'ok' : index === failedAt ? 'failed' : 'pending';
    next[name] = { state, detail: state === 'failed' ? '' : stages[name].detail };
  });
  return next;
}

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  item: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  failed: { color: tokens.colorPaletteRedForeground1 },
  detail: { color: tokens.colorNeutralForeground2 },
});

const stateWords: Record<StageState, string> = { pending: 'not run', active: 'in progress…', ok: 'passed', failed: 'failed' };

/** The three stages of the test login, live. */
export function SmtpStages({ stages, label = 'Test login stages' }: { stages: StageProgress; label?: string }) {
  const styles = useStyles();
  return (
    <ol className={styles.list} aria-label={label} data-testid="smtp-stages">
      {order.map((name) => {
        const { state, detail } = stages[name];
        return (
          <li key={name} className={styles.item} data-stage={name} data-state={state}>
            {state === 'active' ? (
              <Spinner size="extra-tiny" aria-hidden />
            ) : state === 'ok' ? (
              <CheckmarkCircleFilled className={styles.ok} aria-hidden />
            ) : state === 'failed' ? (
              <DismissCircleFilled className={styles.failed} aria-hidden />
            ) : (
              <CircleRegular aria-hidden />
            )}
            <Text>
              {stageLabels[name]}: {stateWords[state]}
            </Text>
            {detail && <Text className={styles.detail}>{detail}</Text>}
          </li>
        );
      })}
    </ol>
  );
}
