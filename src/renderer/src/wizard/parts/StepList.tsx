import { Badge, Body1, Body1Strong, makeStyles, tokens } from '@fluentui/react-components';
import type { Step } from '../../../../shared/readiness/verdict';
import { guideLink } from '../guide-links';
import { whoLabel } from '../../../../shared/readiness/wording';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'grid', gap: tokens.spacingVerticalS },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});


/** The ordered steps this account needs, read-only (the Fix steps screen acts on them). */
export function StepList({ steps }: { steps: readonly Step[] }) {
  const styles = useStyles();
  return (
    <ol className={styles.list} data-testid="verdict-steps">
      {steps.map((step) => (
        <li key={step.guide}>
          <div className={styles.head}>
            <Body1Strong>{guideLink(step.guide).title}</Body1Strong>
            <Badge appearance="tint" color={step.who === 'admin' ? 'important' : 'brand'}>
              {whoLabel(step.who)}
            </Badge>
          </div>
          <Body1>{step.why}</Body1>
        </li>
      ))}
    </ol>
  );
}
