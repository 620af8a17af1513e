import { Button, Caption1, makeStyles, tokens, type ButtonProps } from '@fluentui/react-components';
import { OpenRegular } from '@fluentui/react-icons/svg/open';
import { useContext } from 'react';
import { WizardContext } from '../wizard/context';
import { pageUrl } from './page-url';
import { useIpcMutation } from './useIpc';

const useStyles = makeStyles({
  wrap: { display: 'grid', gap: tokens.spacingVerticalXS, justifyItems: 'start' },
  error: { color: tokens.colorPaletteRedForeground1 },
  url: { wordBreak: 'break-all' },
});

type Props = {
  url: string;
  label: string;
  /** The accessible name when the visible label alone is ambiguous ("Open the page: <title>"). */
  ariaLabel?: string;
  appearance?: ButtonProps['appearance'];
  size?: ButtonProps['size'];
  /** Show the address under the button, so it can be typed elsewhere. */
  showUrl?: boolean;
};

/**
 * The one way the app opens a web page: the system browser through the main process (which
 * re-checks the allowlist), the demo tenant's own pages in the demo, and a plain message with the
 * address when the browser could not be opened.
 */
export function OpenPageButton({ url, label, ariaLabel, appearance = 'secondary', size = 'medium', showUrl = false }: Props) {
  const styles = useStyles();
  const context = useContext(WizardContext);
  const target = pageUrl(url, context?.info ?? null);
  const { state, run } = useIpcMutation('shell:open-external');
  return (
    <div className={styles.wrap}>
      <Button
        appearance={appearance}
        size={size}
        icon={<OpenRegular />}
        onClick={() => void run({ url: target })}
        {...(ariaLabel ? { 'aria-label': ariaLabel } : {})}
        data-url={target}
      >
        {label}
      </Button>
      {showUrl && <Caption1 className={styles.url}>{target}</Caption1>}
      {state.kind === 'failed' && (
        <Caption1 role="alert" className={styles.error}>
          The page did not open: {state.error.message} You can copy this address into your browser: {target}
        </Caption1>
      )}
    </div>
  );
}
