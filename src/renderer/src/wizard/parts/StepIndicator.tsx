import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, CircleRegular, RecordRegular } from '@fluentui/react-icons';
import { VisuallyHidden } from './VisuallyHidden';
import { bridgeStepOrder, isBridgeStepKind } from '../bridge-steps';
import { stepOrder, type StepKind } from '../steps';

const useStyles = makeStyles({
  list: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, listStyle: 'none', margin: 0, padding: 0 },
  item: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  current: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  done: { color: tokens.colorNeutralForeground1 },
});

/** Where the user is: every step, the ones done ticked, the current one marked for screen readers. */
export function StepIndicator({ current }: { current: StepKind }) {
  const styles = useStyles();
  const order = isBridgeStepKind(current) ? bridgeStepOrder : stepOrder;
  const at = order.findIndex((step) => step.kind === current);
  return (
    <nav aria-label="Progress">
      <ol className={styles.list} data-testid="step-indicator">
        {order.map((step, index) => {
          const state = index < at ? 'done' : index === at ? 'current' : 'todo';
          return (
            <li
              key={step.kind}
              className={mergeClasses(styles.item, state === 'current' && styles.current, state === 'done' && styles.done)}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              {state === 'done' ? (
                <CheckmarkCircleFilled aria-hidden />
              ) : state === 'current' ? (
                <RecordRegular aria-hidden />
              ) : (
                <CircleRegular aria-hidden />
              )}
              <span>
                {step.label}
                {state === 'done' && <VisuallyHidden> (done)</VisuallyHidden>}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
