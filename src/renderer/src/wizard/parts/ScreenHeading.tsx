import { typographyStyles } from '@fluentui/react-components';
import { useEffect, useRef, type CSSProperties, type ReactNode } from 'react';

// Inline, not makeStyles: no run-time CSS compiling before the first screen shows (see Wizard).
const headingStyle: CSSProperties = {
  ...typographyStyles.title2,
  margin: 0,
  // Focused by the app for screen readers, never a tab stop (tabIndex -1), so its only outline would
  // be the focus ring: none, as on Fluent's own headings.
  outline: 'none',
};

/**
 * The screen's h1. It takes focus when the screen mounts, so keyboard and screen-reader users
 * start each step at its title instead of wherever the previous screen left them.
 */
export function ScreenHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 tabIndex={-1} ref={ref} style={headingStyle} data-testid="screen-heading">
      {children}
    </h1>
  );
}
