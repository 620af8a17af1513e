import { Badge, Button, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { BookOpenRegular, BeakerRegular } from '@fluentui/react-icons';

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
