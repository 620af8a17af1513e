import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular, ArrowRightRegular } from '@fluentui/react-icons';

const useStyles = makeStyles({
  nav: {
    display: 'flex',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    paddingTop: tokens.spacingVerticalL,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

type Props = {
  onBack?: () => void;
  onNext?: () => void;
  nextLabel?: string;
  nextDisabled?: boolean;
};

/** Back and Next, at the foot of every screen, in the same place. */
export function WizardNav({ onBack, onNext, nextLabel = 'Next', nextDisabled = false }: Props) {
  const styles = useStyles();
  return (
    <nav className={styles.nav} aria-label="Wizard navigation">
      {onBack ? (
        <Button icon={<ArrowLeftRegular />} onClick={onBack}>
          Back
        </Button>
      ) : (
        <span />
      )}
      {onNext && (
        <Button
          appearance="primary"
          icon={<ArrowRightRegular />}
          iconPosition="after"
          onClick={onNext}
          disabledFocusable={nextDisabled}
        >
          {nextLabel}
        </Button>
      )}
    </nav>
  );
}
