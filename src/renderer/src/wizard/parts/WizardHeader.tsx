import { Badge, Button, Subtitle1, tokens } from '@fluentui/react-components';
import { BeakerRegular } from '@fluentui/react-icons/svg/beaker';
import { BookOpenRegular } from '@fluentui/react-icons/svg/book-open';
import type { CSSProperties } from 'react';

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

/** The app's name, the demo-tenant badge (on every screen when it applies) and the guides. */
export function WizardHeader({ demo, onOpenGuides }: { demo: boolean; onOpenGuides: () => void }) {
  return (
    <header style={styles.header}>
      <Subtitle1 style={styles.title}>m365-connect</Subtitle1>
      {demo && (
        <Badge appearance="filled" color="warning" size="large" icon={<BeakerRegular />} data-testid="demo-badge">
          Demo tenant
        </Badge>
      )}
      <Button appearance="subtle" icon={<BookOpenRegular />} onClick={onOpenGuides}>
        Guides
      </Button>
    </header>
  );
}
