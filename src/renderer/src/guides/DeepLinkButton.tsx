import type { DeepLink } from '../../../shared/guides';
import { OpenPageButton } from '../ipc/OpenPageButton';

/** Opens a Microsoft page in the system browser (the demo tenant's copy in the demo). */
export function DeepLinkButton({ link }: { link: DeepLink }) {
  return <OpenPageButton url={link.url} label={link.label} appearance="primary" size="small" showUrl />;
}
