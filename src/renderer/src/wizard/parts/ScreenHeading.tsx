import { makeStyles, typographyStyles } from '@fluentui/react-components';
import { useEffect, useRef, type ReactNode } from 'react';

const useStyles = makeStyles({
  heading: {
    ...typographyStyles.title2,
    margin: 0,
    // Focused by the app for screen readers, not a tab stop: no visible ring (as Fluent's own headings).
    ':focus': { outline: 'none' },
  },
});

/**
 * The screen's h1. It takes focus when the screen mounts, so keyboard and screen-reader users
 * start each step at its title instead of wherever the previous screen left them.
 */
export function ScreenHeading({ children }: { children: ReactNode }) {
  const styles = useStyles();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 tabIndex={-1} ref={ref} className={styles.heading} data-testid="screen-heading">
      {children}
    </h1>
  );
}
