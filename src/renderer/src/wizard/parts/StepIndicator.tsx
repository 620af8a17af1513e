import { Link, tokens } from '@fluentui/react-components';
import type { CSSProperties } from 'react';
import { CheckmarkRegular } from '@fluentui/react-icons/svg/checkmark';
import { ChevronRightRegular } from '@fluentui/react-icons/svg/chevron-right';
import { VisuallyHidden } from './VisuallyHidden';
import { bridgeStepOrder, isBridgeStepKind } from '../bridge-steps';
import { stepOrder, type StepKind } from '../steps';

// Inline, not makeStyles: no run-time CSS compiling before the first screen shows (see Wizard).
const styles = {
  list: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS, listStyle: 'none', margin: 0, padding: 0 },
  item: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
  },
  number: { fontVariantNumeric: 'tabular-nums' },
  current: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  done: { color: tokens.colorNeutralForeground2 },
  tick: { color: tokens.colorPaletteGreenForeground1 },
  separator: { color: tokens.colorNeutralForeground4 },
  link: { fontSize: tokens.fontSizeBase200 },
} satisfies Record<string, CSSProperties>;

type Props = {
  current: StepKind;
  /** Earlier steps still in history: they are links back. */
  reachable: readonly StepKind[];
  /** Steps the user completed; passed-over ones are marked "skipped", never ticked. */
  finished: ReadonlySet<StepKind>;
  onGoTo: (kind: StepKind) => void;
};

/** Where the user is: a breadcrumb of numbered steps; finished ones ticked and linked back. */
export function StepIndicator({ current, reachable, finished, onGoTo }: Props) {
  const order = isBridgeStepKind(current) ? bridgeStepOrder : stepOrder;
  const at = order.findIndex((step) => step.kind === current);
  return (
    <nav aria-label="Progress">
      <ol style={styles.list} data-testid="step-indicator">
        {order.map((step, index) => {
          const state =
            index === at ? 'current' : index > at ? 'todo' : finished.has(step.kind) ? 'done' : 'skipped';
          const canGo = state !== 'current' && reachable.includes(step.kind);
          return (
            <li
              key={step.kind}
              style={{ ...styles.item, ...(state === 'current' ? styles.current : state === 'done' ? styles.done : {}) }}
              aria-current={state === 'current' ? 'step' : undefined}
              data-state={state}
            >
              {index > 0 && <ChevronRightRegular aria-hidden style={styles.separator} />}
              {state === 'done' ? (
                <CheckmarkRegular aria-hidden style={styles.tick} />
              ) : (
                <span aria-hidden style={styles.number}>
                  {index + 1}.
                </span>
              )}
              {canGo ? (
                <Link as="button" style={styles.link} onClick={() => onGoTo(step.kind)}>
                  {step.label}
                  <VisuallyHidden>{state === 'done' ? ' (done, return to this step)' : ' (return to this step)'}</VisuallyHidden>
                </Link>
              ) : (
                <span>
                  {step.label}
                  {state === 'done' && <VisuallyHidden> (done)</VisuallyHidden>}
                  {state === 'skipped' && <span> (skipped)</span>}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
