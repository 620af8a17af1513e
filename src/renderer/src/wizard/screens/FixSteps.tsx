import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Button,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { riskyGuides, splitSteps } from '../../../../shared/readiness/wording';
import type { Step } from '../../../../shared/readiness/verdict';
import { useWizardContext } from '../context';
import { BridgeOffer } from '../parts/BridgeOffer';
import { FixStepItem } from '../parts/FixStepItem';
import { ReportExport } from '../parts/ReportExport';
import { ScreenHeading } from '../parts/ScreenHeading';
import { WizardNav } from '../parts/WizardNav';
import { appPasswordRouteOpen, bridgeSuggested, chooseRoute } from '../route';
import type { WizardStep } from '../steps';

const useStyles = makeStyles({
  screen: { display: 'grid', gap: tokens.spacingVerticalL },
  block: { display: 'grid', gap: tokens.spacingVerticalS },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalM },
});

type Props = {
  step: Extract<WizardStep, { kind: 'fix-steps' }>;
  onBack: () => void;
  go: (next: WizardStep) => void;
};

/**
 * One recommended path, in order; steps that apply only in some cases, or lower security, wait
 * under "Other options" with their risk stated. The report for the admin is one click away.
 */
export function FixSteps({ step, onBack, go }: Props) {
  const styles = useStyles();
  const { info } = useWizardContext();
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  const { path, other } = splitSteps(step.verdict.steps);
  const appPasswordOpen = appPasswordRouteOpen(step.verdict, info.routesOffered);
  // The recommended route decides where Next goes; an app password stays possible as an option.
  const appPassword = appPasswordOpen && chooseRoute(step.verdict, info.routesOffered) === 'app-password';
  const needsAdmin = step.verdict.steps.some((item) => item.who === 'admin');

  const item = (fix: Step, number?: number) => (
    <FixStepItem
      key={fix.guide}
      step={fix}
      account={step.verdict.account}
      {...(number !== undefined ? { number } : {})}
      {...(riskyGuides[fix.guide] ? { risk: riskyGuides[fix.guide] } : {})}
      done={done.has(fix.guide)}
      onDoneChange={(checked) =>
        setDone((previous) => {
          const next = new Set(previous);
          if (checked) next.add(fix.guide);
          else next.delete(fix.guide);
          return next;
        })
      }
    />
  );

  return (
    <section className={styles.screen}>
      <ScreenHeading>Fix steps</ScreenHeading>
      {path.length === 0 ? (
        <Body1>Your account needs no changes. Go on to the next step.</Body1>
      ) : (
        <Body1>
          The recommended path{path.length > 1 ? ', in order' : ''}. Mark each step done as you go; if your admin has to
          act, come back and use &ldquo;Check again&rdquo; on the previous screen afterwards.
        </Body1>
      )}
      {path.length > 0 && (
        <ol className={styles.list} aria-label="Recommended steps" data-testid="recommended-steps">
          {path.map((fix, index) => item(fix, index + 1))}
        </ol>
      )}
      {other.length > 0 && (
        <Accordion collapsible data-testid="other-options">
          <AccordionItem value="other">
            <AccordionHeader as="h2">Other options ({other.length}): only if the recommended path does not work</AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list} aria-label="Other options">
                {other.map((fix) => item(fix))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
      {!appPasswordOpen && (
        <Body1>
          An app password cannot work for this account, so the next step tests the OAuth (XOAUTH2) login instead.
        </Body1>
      )}
      {appPasswordOpen && !appPassword && (
        <Body1>
          The next step tests the OAuth (XOAUTH2) login. If your tool cannot use OAuth, you can use an app password
          instead.
        </Body1>
      )}
      {bridgeSuggested(step.verdict, info.routesOffered) && (
        <BridgeOffer onChoose={() => go({ ...step, kind: 'bridge-oauth-test' })} reason="For a tool that cannot use OAuth itself." />
      )}
      <div className={styles.block}>
        <Subtitle2 as="h2">{needsAdmin ? 'For your admin or helpdesk' : 'Stuck? Ask your helpdesk'}</Subtitle2>
        <ReportExport />
      </div>
      <WizardNav
        onBack={onBack}
        extra={
          appPasswordOpen && !appPassword ? (
            <Button appearance="subtle" onClick={() => go({ ...step, kind: 'app-password' })}>
              Use an app password instead
            </Button>
          ) : undefined
        }
        nextLabel={appPassword ? 'Next: app password' : 'Next: test the login'}
        onNext={() => go(appPassword ? { ...step, kind: 'app-password' } : { ...step, kind: 'verify' })}
      />
    </section>
  );
}
