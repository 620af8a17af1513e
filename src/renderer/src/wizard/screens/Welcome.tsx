import { Body1, Link, tokens } from '@fluentui/react-components';
import { Suspense, lazy, type CSSProperties } from 'react';
import type { Account } from '../../../../shared/account';
import type { Verdict } from '../../../../shared/readiness/verdict';
import { useIpcQuery } from '../../ipc/useIpc';
import { useFirstScreenContext } from '../context';
import { ScreenHeading } from '../parts/ScreenHeading';
import { WizardNav } from '../parts/WizardNav';
import type { Resume } from '../parts/ReturningUser';

// Only a returning user sees it, once auth:current has answered: its card (and the focus
// management Fluent's Card brings) stays out of the first screen's code.
const ReturningUser = lazy(() => import('../parts/ReturningUser').then((module) => ({ default: module.ReturningUser })));

// Inline, not makeStyles: no run-time CSS compiling before the first screen shows (see Wizard).
const styles = {
  screen: { display: 'grid', gap: tokens.spacingVerticalL },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'grid', gap: tokens.spacingVerticalXS },
} satisfies Record<string, CSSProperties>;

type Props = {
  onNext: () => void;
  /** A returning user continues where they stand: test again, or replace the app password. */
  onResume: (resume: Resume, account: Account, verdict: Verdict) => void;
};

/** What the assistant does and needs; for a returning user, where their account stands. */
export function Welcome({ onNext, onResume }: Props) {
  const { info, openGuide } = useFirstScreenContext();
  const current = useIpcQuery('auth:current', {});
  const account = current.state.kind === 'done' ? current.state.value.account : null;
  return (
    <section style={styles.screen}>
      <ScreenHeading>Connect your Microsoft 365 account</ScreenHeading>
      {account ? (
        // The introduction stays while the card's code loads, as it stood while auth:current loaded.
        <Suspense fallback={<Introduction />}>
          <ReturningUser account={account} onResume={(resume, verdict) => onResume(resume, account, verdict)} />
        </Suspense>
      ) : (
        <Introduction />
      )}
      {info?.demoTenant && (
        <Body1 data-testid="demo-note">
          This copy was started without an app registration, so it connects to a simulated demo tenant, for trying the
          app out. To connect a real Microsoft 365 account, your IT team configures the app&apos;s client id.
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

/** What the assistant does and what a new user needs. */
function Introduction() {
  return (
    <>
      <Body1>
        This assistant gets your account ready for a backup or migration tool. It checks what your account allows,
        guides you (or your admin) through exactly the steps it needs, stores the app password in your system
        keychain and proves that it works with a test login. No mail is sent.
      </Body1>
      <div>
        <Body1 as="p">You will need:</Body1>
        <ul style={styles.list}>
          <li>your work or school account and its password, and your phone for the second sign-in step;</li>
          <li>about ten minutes, and possibly your IT admin if your organisation must change a setting.</li>
        </ul>
      </div>
    </>
  );
}
