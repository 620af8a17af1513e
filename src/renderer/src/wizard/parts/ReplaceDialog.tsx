import { Body1, Button, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';

const useStyles = makeStyles({
  dialog: {
    maxWidth: '480px',
    padding: tokens.spacingHorizontalXXL,
    border: `1px solid ${tokens.colorTransparentStroke}`,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow64,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    '::backdrop': { backgroundColor: 'rgba(0, 0, 0, 0.4)' },
  },
  title: { ...typographyStyles.subtitle1, margin: `0 0 ${tokens.spacingVerticalM}` },
  actions: { display: 'flex', justifyContent: 'flex-end', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalL },
});

type Props = { open: boolean; account: string; onConfirm: () => void; onCancel: () => void };

/**
 * Replacing a stored password is destructive (the old one is gone): ask first. A native modal
 * <dialog> (focus trap, inert page, Escape) rather than Fluent's Dialog, whose focus manager leaves
 * aria-hidden on the app root after closing (microsoft/fluentui#35139), hiding the page from
 * assistive technology.
 */
export function ReplaceDialog({ open, account, onConfirm, onCancel }: Props) {
  const styles = useStyles();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="replace-title"
      aria-describedby="replace-body"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id="replace-title" className={styles.title}>
        Replace the stored app password?
      </h2>
      <Body1 id="replace-body">
        The keychain already holds an app password for {account}. Replacing it deletes the old one from the keychain;
        tools that read it will use the new one from now on.
      </Body1>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onConfirm}>
          Replace it
        </Button>
        <Button onClick={onCancel}>Keep the old one</Button>
      </div>
    </dialog>
  );
}
