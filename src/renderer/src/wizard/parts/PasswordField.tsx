import { Button, Input, makeStyles, tokens } from '@fluentui/react-components';
import { EyeRegular } from '@fluentui/react-icons/svg/eye';
import { EyeOffRegular } from '@fluentui/react-icons/svg/eye-off';
import { useState } from 'react';
import { CopyButton } from './CopyButton';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  input: { minWidth: '18rem', fontFamily: tokens.fontFamilyMonospace },
});

/** A secret the user types into another tool: hidden by default, a show toggle, a self-clearing copy. */
export function PasswordField({ value, label }: { value: string; label: string }) {
  const styles = useStyles();
  const [shown, setShown] = useState(false);
  return (
    <div className={styles.row}>
      <Input
        aria-label={label}
        className={styles.input}
        type={shown ? 'text' : 'password'}
        value={value}
        readOnly
        data-testid="bridge-password"
      />
      <Button
        size="small"
        icon={shown ? <EyeOffRegular /> : <EyeRegular />}
        aria-pressed={shown}
        onClick={() => setShown((previous) => !previous)}
      >
        {shown ? 'Hide' : 'Show'}
      </Button>
      <CopyButton text={value} label={label} sensitive />
    </div>
  );
}
