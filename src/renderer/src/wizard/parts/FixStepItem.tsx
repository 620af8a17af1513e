import { Badge, Body1, Button, Card, Checkbox, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { BookOpenRegular } from '@fluentui/react-icons/svg/book-open';
import type { ReactNode } from 'react';
import { adminMessageForStep } from '../../../../shared/readiness/admin-message';
import type { Step, Verdict } from '../../../../shared/readiness/verdict';
import { whoLabel } from '../../../../shared/readiness/wording';
import { OpenPageButton } from '../../ipc/OpenPageButton';
import { useWizardContext } from '../context';
import { guideLink } from '../guide-links';
import { CopyAdminMessage } from './CopyAdminMessage';

const useStyles = makeStyles({
  card: { display: 'grid', gap: tokens.spacingVerticalS },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start', flexWrap: 'wrap' },
});

type Props = {
  step: Step;
  /** Shown before the title on the recommended path; other options are not numbered. */
  number?: number;
  done: boolean;
  onDoneChange: (done: boolean) => void;
  /** What this step risks (a security downgrade), said before anything else. */
  risk?: string;
  /** Who asks, for the "Copy a message for your admin" text of admin steps. */
  account?: Verdict['account'];
  /** More actions for this step. */
  actions?: ReactNode;
};

/** One step: who does it, why, any risk, the page to open, the guide to read, and a done mark. */
export function FixStepItem({ step, number, done, onDoneChange, risk, account, actions }: Props) {
  const styles = useStyles();
  const { info, openGuide } = useWizardContext();
  const link = guideLink(step.guide);
  const guideHidden = info.hiddenGuides.includes(step.guide);
  const title = number === undefined ? link.title : `${number}. ${link.title}`;

  return (
    <li>
      <Card className={styles.card} data-testid={`fix-step-${step.guide}`}>
        <div className={styles.head}>
          <Subtitle2 as={number === undefined ? 'h3' : 'h2'}>{title}</Subtitle2>
          <Badge appearance="tint" color={step.who === 'admin' ? 'important' : 'brand'}>
            {whoLabel(step.who)}
          </Badge>
        </div>
        {risk && (
          <MessageBar intent="warning" layout="multiline" data-testid="risk">
            <MessageBarBody>{risk}</MessageBarBody>
          </MessageBar>
        )}
        <Body1>{step.why}</Body1>
        {step.who === 'admin' && (
          <Body1>Your IT admin does this step: send them the guide, or the readiness report below.</Body1>
        )}
        <div className={styles.actions}>
          {link.deepLink !== null && (
            <OpenPageButton url={link.deepLink} label="Open the page" ariaLabel={`Open the page: ${link.title}`} />
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
          {actions}
          <Checkbox checked={done} onChange={(_event, data) => onDoneChange(data.checked === true)} label={`Done: ${link.title}`} />
        </div>
      </Card>
    </li>
  );
}

