import { Button, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons/svg/arrow-left';
import { ArrowRightRegular } from '@fluentui/react-icons/svg/arrow-right';
import { useEffect, useRef, type CSSProperties, type ReactNode } from 'react';

// Inline, not makeStyles: no run-time CSS compiling before the first screen shows (see Wizard).
const styles = {
  // Pinned to the bottom of the window, so Back and Next never scroll away on a small screen.
  nav: {
    position: 'sticky',
    bottom: 0,
    zIndex: 1,
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} 0`,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  side: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
} satisfies Record<string, CSSProperties>;

type Props = {
  onBack?: () => void;
  onNext?: () => void;
  nextLabel?: string;
  nextDisabled?: boolean;
  /** Secondary actions beside Back (e.g. "Start over"), inside the pinned bar. */
  extra?: ReactNode;
  /** When this turns true, Next takes focus: the thing the screen waited for is done. */
  focusNext?: boolean;
};

/** Back and Next, at the foot of every screen, in the same place, always in view. */
export function WizardNav({ onBack, onNext, nextLabel = 'Next', nextDisabled = false, extra, focusNext = false }: Props) {
  const nextSlot = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (focusNext) nextSlot.current?.querySelector('button')?.focus();
  }, [focusNext]);
  return (
    <nav style={styles.nav} aria-label="Wizard navigation" data-testid="wizard-nav">
      <div style={styles.side}>
        {onBack && (
          <Button icon={<ArrowLeftRegular />} onClick={onBack}>
            Back
          </Button>
        )}
        {extra}
      </div>
      {onNext && (
        <span ref={nextSlot}>
        <Button
          appearance="primary"
          icon={<ArrowRightRegular />}
          iconPosition="after"
          onClick={onNext}
          disabledFocusable={nextDisabled}
        >
          {nextLabel}
        </Button>
        </span>
      )}
    </nav>
  );
}
