import { Badge, Body1, Button, Card, Checkbox, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { BookOpenRegular, OpenRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { AppErrorShape } from '../../../../shared/ipc/errors';
import { adminMessageForStep } from '../../../../shared/readiness/admin-message';
import type { Step, Verdict } from '../../../../shared/readiness/verdict';
import { call } from '../../api';
import { useWizardContext } from '../context';
import { toErrorShape } from '../errors';
import { guideLink } from '../guide-links';
import { CopyAdminMessage } from './CopyAdminMessage';
import { ErrorMessage } from './ErrorMessage';
import { whoLabel } from './StepList';

const useStyles = makeStyles({
  card: { display: 'grid', gap: tokens.spacingVerticalS },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

type Props = {
  step: Step;
  number: number;
  done: boolean;
  onDoneChange: (done: boolean) => void;
  /** Who asks, for the "Copy a message for your admin" text of admin steps. */
  account?: Verdict['account'];
};

/** One step: who does it, why, the page to open, the guide to read, and a done mark. */
export function FixStepItem({ step, number, done, onDoneChange, account }: Props) {
  const styles = useStyles();
  const { info, openGuide } = useWizardContext();
  const [error, setError] = useState<AppErrorShape | null>(null);
  const link = guideLink(step.guide);
  const guideHidden = info.hiddenGuides.includes(step.guide);
  const title = `${number}. ${link.title}`;

  const openPage = async (url: string) => {
    setError(null);
    try {
      await call('shell:open-external', { url });
    } catch (caught) {
      setError(toErrorShape(caught));
    }
  };

  return (
    <li>
      <Card className={styles.card} data-testid={`fix-step-${step.guide}`}>
        <div className={styles.head}>
          <Subtitle2 as="h2">{title}</Subtitle2>
          <Badge appearance="tint" color={step.who === 'admin' ? 'important' : 'brand'}>
            {whoLabel(step.who)}
          </Badge>
        </div>
        <Body1>{step.why}</Body1>
        {step.who === 'admin' && (
          <Body1>Send this step to your IT admin; the guide says exactly what to click.</Body1>
        )}
        <div className={styles.actions}>
          {link.deepLink !== null && (
            <Button icon={<OpenRegular />} onClick={() => void openPage(link.deepLink ?? '')} aria-label={`Open the page: ${link.title}`}>
              Open the page
            </Button>
          )}
          {!guideHidden && (
            <Button icon={<BookOpenRegular />} onClick={() => openGuide(step.guide)} aria-label={`Read the guide: ${link.title}`}>
              Read the guide
            </Button>
          )}
          {step.who === 'admin' && account && (
            <CopyAdminMessage
              testId={`copy-admin-message-${step.guide}`}
              text={adminMessageForStep(step, { user: account.upn, tenant: account.tenantId, title: link.title, link: link.deepLink })}
            />
          )}
          <Checkbox checked={done} onChange={(_event, data) => onDoneChange(data.checked === true)} label={`Done: ${link.title}`} />
        </div>
        {error && <ErrorMessage error={error} title="The page did not open" />}
      </Card>
    </li>
  );
}

