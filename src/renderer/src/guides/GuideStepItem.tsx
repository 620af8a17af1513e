import { makeStyles, tokens } from '@fluentui/react-components';
import type { GuideStep } from '../../../shared/guides';
import { DeepLinkButton } from './DeepLinkButton';
import { Illustration } from './Illustration';

const useStyles = makeStyles({
  item: {
    display: 'grid',
    gridTemplateColumns: '2rem 1fr',
    columnGap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    breakInside: 'avoid',
  },
  number: {
    width: '1.75rem',
    height: '1.75rem',
    borderRadius: '50%',
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontWeight: tokens.fontWeightSemibold,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
  },
  body: { display: 'grid', gap: tokens.spacingVerticalS, minWidth: 0 },
  text: { margin: 0 },
  note: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  table: { borderCollapse: 'collapse', width: 'fit-content' },
  caption: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS },
  cell: {
    textAlign: 'start',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

/** One numbered step: the action, a note, the page to open, and its picture. */
export function GuideStepItem({ step, number, instanceId }: { step: GuideStep; number: number; instanceId: string }) {
  const styles = useStyles();
  return (
    <li className={styles.item}>
      {/* The list is an <ol>, so screen readers announce the number; this one is for the eye. */}
      <span className={styles.number} aria-hidden="true">
        {number}
      </span>
      <div className={styles.body}>
        <p className={styles.text}>{step.text}</p>
        {step.note && <p className={styles.note}>{step.note}</p>}
        {step.table && (
          <table className={styles.table}>
            <caption className={styles.caption}>{step.table.caption}</caption>
            <tbody>
              {step.table.rows.map(([name, value]) => (
                <tr key={name}>
                  <th scope="row" className={styles.cell}>
                    {name}
                  </th>
                  <td className={styles.cell}>{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {step.link && <DeepLinkButton link={step.link} />}
        {step.illustration && <Illustration id={step.illustration} instanceId={instanceId} />}
      </div>
    </li>
  );
}
