import { makeStyles, tokens } from '@fluentui/react-components';
import { illustrationSvg, illustrationTitle, type IllustrationId } from '../../../shared/guides';

const useStyles = makeStyles({
  figure: { margin: `${tokens.spacingVerticalS} 0`, maxWidth: '100%' },
  picture: { maxWidth: '100%', overflowX: 'auto' },
  caption: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/**
 * One of our diagrams, inline. The markup is a build-time constant from src/shared (every text
 * in it escaped there), never user or network data, which is what makes innerHTML safe here.
 */
export function Illustration({ id, instanceId }: { id: IllustrationId; instanceId: string }) {
  const styles = useStyles();
  return (
    <figure className={styles.figure}>
      <div className={styles.picture} dangerouslySetInnerHTML={{ __html: illustrationSvg(id, instanceId) }} />
      <figcaption className={styles.caption}>{illustrationTitle(id)}</figcaption>
    </figure>
  );
}
