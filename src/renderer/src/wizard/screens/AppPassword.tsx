import { Body1, Button, Field, Input, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { BookOpenRegular } from '@fluentui/react-icons/svg/book-open';
import { EyeRegular } from '@fluentui/react-icons/svg/eye';
import { EyeOffRegular } from '@fluentui/react-icons/svg/eye-off';
import { useState } from 'react';
import { OpenPageButton } from '../../ipc/OpenPageButton';
import { useIpcQuery } from '../../ipc/useIpc';
import { useWizardContext } from '../context';
import { normalizeAppPassword } from '../../../../shared/vault/normalize';
import { ScreenHeading } from '../parts/ScreenHeading';
import { WizardNav } from '../parts/WizardNav';
import type { WizardStep } from '../steps';

const useStyles = makeStyles({
  screen: { display: 'grid', gap: tokens.spacingVerticalL },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'grid', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-start' },
});

type Props = {
  step: Extract<WizardStep, { kind: 'app-password' }>;
  onBack: () => void;
  onNext: (password: string) => void;
  /** Straight to the test with the app password already in the keychain (a returning user). */
  onUseStored: () => void;
};

/** How to create the app password, where, and a masked paste field checked as you type. */
export function AppPassword({ step, onBack, onNext, onUseStored }: Props) {
  const styles = useStyles();
  const { openGuide, info } = useWizardContext();
  const [raw, setRaw] = useState('');
  const [visible, setVisible] = useState(false);
  const checked = raw === '' ? null : normalizeAppPassword(raw);
  const vault = useIpcQuery('vault:status', {}, step.account.upn);
  const alreadyStored = vault.state.kind === 'done' && vault.state.value.stored;

  return (
    <section className={styles.screen}>
      <ScreenHeading>Create an app password</ScreenHeading>
      <ol className={styles.steps} aria-label="How to create an app password">
        <li>Open Security info and sign in as {step.account.upn} if asked.</li>
        <li>Choose &ldquo;Add sign-in method&rdquo;, then &ldquo;App password&rdquo;.</li>
        <li>Name it after the tool that will use it (at least 8 characters), for example &ldquo;Backup tool&rdquo;, and
          choose Next.</li>
        <li>Copy the password it shows. It is shown only once: paste it below straight away.</li>
      </ol>
      <div className={styles.row}>
        <OpenPageButton url={info.securityInfoUrl} label="Open Security info" appearance="primary" />
        <Button icon={<BookOpenRegular />} onClick={() => openGuide('create-app-password')}>
          Read the full guide
        </Button>
      </div>
      {alreadyStored && (
        <MessageBar intent="info" layout="multiline" data-testid="already-stored">
          <MessageBarBody>
            An app password for this account is already in your keychain. Paste a new one only to replace it; otherwise
            test the stored one.
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={onUseStored}>Test the stored one</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <Field
        label="App password"
        hint="Spaces and dashes are removed for you. It goes only to your system keychain."
        validationState={checked === null ? 'none' : checked.ok ? (checked.warnings.length > 0 ? 'warning' : 'success') : 'error'}
        validationMessage={
          checked === null
            ? null
            : checked.ok
              ? checked.warnings.join(' ') || `Looks right: ${checked.value.length} letters.`
              : checked.message
        }
      >
        <Input
          type={visible ? 'text' : 'password'}
          value={raw}
          onChange={(_event, data) => setRaw(data.value)}
          autoComplete="off"
          spellCheck={false}
          data-testid="app-password-input"
          contentAfter={
            <Button
              appearance="transparent"
              size="small"
              icon={visible ? <EyeOffRegular /> : <EyeRegular />}
              aria-label={visible ? 'Hide the password' : 'Show the password'}
              aria-pressed={visible}
              onClick={() => setVisible((shown) => !shown)}
            />
          }
        />
      </Field>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          Treat it like your password: anyone who has it can send mail as you. You can delete it in Security info at any
          time.
        </MessageBarBody>
      </MessageBar>
      <Body1>Next, the app saves it in your system keychain.</Body1>
      <WizardNav
        onBack={onBack}
        nextLabel="Next: store it"
        nextDisabled={!checked?.ok}
        onNext={() => {
          if (checked?.ok) onNext(checked.value);
        }}
      />
    </section>
  );
}
