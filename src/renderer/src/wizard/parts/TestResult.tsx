import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { SmtpMethod, SmtpTestResult } from '../../../../shared/smtp/result';
import { useWizardContext } from '../context';

const useStyles = makeStyles({
  transcript: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
    margin: 0,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
});

const methodName: Record<SmtpMethod, string> = { 'app-password': 'app password', oauth: 'OAuth (XOAUTH2)' };

/** The outcome in plain language, the guide that helps, and the redacted transcript on request. */
export function TestResult({ method, result }: { method: SmtpMethod; result: SmtpTestResult }) {
  const styles = useStyles();
  const { openGuide } = useWizardContext();
  return (
    <div data-testid={`result-${method}`}>
      <MessageBar intent={result.ok ? 'success' : 'error'} layout="multiline" data-cause={result.cause}>
        <MessageBarBody>
          <MessageBarTitle>
            {result.ok ? `The ${methodName[method]} login works` : `The ${methodName[method]} login was refused`}
          </MessageBarTitle>
          {result.advice}
          {!result.ok && result.reply && <div>The server said: {result.reply}</div>}
        </MessageBarBody>
        {result.guide !== undefined && (
          <MessageBarActions>
            <Button onClick={() => openGuide(result.guide)}>Read the guide</Button>
          </MessageBarActions>
        )}
      </MessageBar>
      <Accordion collapsible>
        <AccordionItem value="transcript">
          <AccordionHeader>Show the session transcript (passwords and tokens removed)</AccordionHeader>
          <AccordionPanel>
            <pre className={styles.transcript} data-testid="transcript" tabIndex={0} aria-label="Session transcript">
              {result.transcript.join('\n')}
            </pre>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </div>
  );
}
