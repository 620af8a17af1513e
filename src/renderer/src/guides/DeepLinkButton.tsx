import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { OpenRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { DeepLink } from '../../../shared/guides';
import { ApiError, call } from '../api';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  url: { color: tokens.colorNeutralForeground3, wordBreak: 'break-all' },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** Opens a Microsoft page in the system browser (the main process re-checks the allowlist). */
export function DeepLinkButton({ link }: { link: DeepLink }) {
  const styles = useStyles();
  const [error, setError] = useState<string | null>(null);
  const open = async () => {
    setError(null);
    try {
      await call('shell:open-external', { url: link.url });
    } catch (caught: unknown) {
      setError(caught instanceof ApiError ? caught.shape.message : 'The page could not be opened.');
    }
  };
  return (
    <div>
      <div className={styles.row}>
        <Button appearance="primary" size="small" icon={<OpenRegular />} onClick={() => void open()}>
          {link.label}
        </Button>
        <Caption1 className={styles.url}>{link.url}</Caption1>
      </div>
      {error && (
        <Caption1 role="alert" className={styles.error}>
          {error} You can copy the address above into your browser.
        </Caption1>
      )}
    </div>
  );
}
