import { Button, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { BookOpenRegular } from '@fluentui/react-icons';
import { Suspense, lazy } from 'react';

// Only a copy without an app registration shows it, once app:info has said so: not first-screen code.
const DemoBadge = lazy(() => import('./DemoBadge').then((module) => ({ default: module.DemoBadge })));

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    paddingBottom: tokens.spacingVerticalM,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { flexGrow: 1 },
});

/** The app's name, the demo-tenant badge (on every screen when it applies) and the guides. */
export function WizardHeader({ demo, onOpenGuides }: { demo: boolean; onOpenGuides: () => void }) {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <Subtitle1 className={styles.title}>m365-connect</Subtitle1>
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
