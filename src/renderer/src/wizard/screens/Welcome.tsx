import { Body1, Field, Link, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { useWizardContext } from '../context';
import { ScreenHeading } from '../parts/ScreenHeading';
import { WizardNav } from '../parts/WizardNav';

const useStyles = makeStyles({
  screen: { display: 'grid', gap: tokens.spacingVerticalL },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'grid', gap: tokens.spacingVerticalXS },
});

/** What the assistant does and needs, and which tenant it connects (the demo one when no app registration is configured). */
export function Welcome({ onNext }: { onNext: () => void }) {
  const styles = useStyles();
  const { info, openGuide } = useWizardContext();
  return (
    <section className={styles.screen}>
      <ScreenHeading>Connect your Microsoft 365 account</ScreenHeading>
      <Body1>
        This assistant gets your account ready for a backup or migration tool. It checks what your account allows,
        guides you (or your admin) through exactly the steps it needs, stores the app password in your system
        keychain and proves that it works with a test login. No mail is sent.
      </Body1>
      <div>
        <Body1 as="p">You will need:</Body1>
        <ul className={styles.list}>
          <li>your work or school account and its password, and your phone for the second sign-in step;</li>
          <li>about ten minutes, and possibly your IT admin if your organisation must change a setting.</li>
        </ul>
      </div>
      <Field label="Which account are you connecting?">
        <RadioGroup value={info.demoTenant ? 'demo' : 'microsoft-365'}>
          <Radio
            value="microsoft-365"
            label="Microsoft 365 account"
            disabled={info.demoTenant}
          />
          {info.demoTenant && <Radio value="demo" label="Demo tenant (simulated, for trying the app out)" />}
        </RadioGroup>
      </Field>
      {info.demoTenant && (
        <Body1>
          This copy was started without an app registration, so it talks to a simulated demo tenant. To connect a real
          account, your IT team configures the app&apos;s client id.
        </Body1>
      )}
      <Body1>
        Prefer to read first?{' '}
        <Link as="button" onClick={() => openGuide()}>
          Open the offline guides
        </Link>{' '}
        — they work without signing in.
      </Body1>
      <WizardNav onNext={onNext} nextLabel="Get started" />
    </section>
  );
}
