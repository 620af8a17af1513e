import { Button, Subtitle1, tokens } from '@fluentui/react-components';
import { BookOpenRegular } from '@fluentui/react-icons/svg/book-open';
import { Suspense, lazy, type CSSProperties } from 'react';

// Inline, not makeStyles: no run-time CSS compiling before the first screen shows (see Wizard).
const styles = {
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    paddingBottom: tokens.spacingVerticalM,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { flexGrow: 1 },
} satisfies Record<string, CSSProperties>;

// Only a demo copy shows it, once app:info has answered: its code stays out of the first screen's.
const DemoBadge = lazy(() => import('./DemoBadge').then((module) => ({ default: module.DemoBadge })));

/** The app's name, the demo-tenant badge (on every screen when it applies) and the guides. */
export function WizardHeader({ demo, onOpenGuides }: { demo: boolean; onOpenGuides: () => void }) {
  return (
    <header style={styles.header}>
      <Subtitle1 style={styles.title}>m365-connect</Subtitle1>
      {demo && (
        <Suspense fallback={null}>
          <DemoBadge />
        </Suspense>
      )}
      <Button appearance="subtle" icon={<BookOpenRegular />} onClick={onOpenGuides}>
        Guides
      </Button>
    </header>
  );
}
