import { GuideViewer } from '../../guides';
import { useWizardContext } from '../context';

/**
 * The offline guide viewer (src/renderer/src/guides, owned by the guides work), reachable from
 * every screen: opened at one guide from a fix step or an error, or at the list from the header.
 */
export function GuidesView({ guideId, onClose }: { guideId: string | undefined; onClose: () => void }) {
  const { info } = useWizardContext();
  return (
    <GuideViewer
      onClose={onClose}
      hiddenGuides={info.hiddenGuides}
      {...(guideId !== undefined ? { initialGuideId: guideId } : {})}
    />
  );
}
