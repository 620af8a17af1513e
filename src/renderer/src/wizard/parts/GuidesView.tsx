import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { ScreenHeading } from './ScreenHeading';
import { guideLink } from '../guide-links';

const useStyles = makeStyles({ view: { display: 'grid', gap: tokens.spacingVerticalL } });

/**
 * MOUNT POINT (guides): the offline guide viewer, reachable from every screen. The GuideViewer
 * component is owned by the guides helper (src/renderer/src/guides/, in progress); mount it here
 * with the requested guide id. Until then this shows which guide was asked for.
 */
export function GuidesView({ guideId, onClose }: { guideId: string | undefined; onClose: () => void }) {
  const styles = useStyles();
  return (
    <section className={styles.view} aria-label="Guides" data-testid="guides-view">
      <div>
        <Button icon={<ArrowLeftRegular />} onClick={onClose}>
          Back to the wizard
        </Button>
      </div>
      <ScreenHeading>{guideId ? guideLink(guideId).title : 'Guides'}</ScreenHeading>
      <Body1>The offline guides will appear here.</Body1>
    </section>
  );
}
