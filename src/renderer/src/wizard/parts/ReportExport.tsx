import { Body1, Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { CodeRegular } from '@fluentui/react-icons/svg/code';
import { DocumentPdfRegular } from '@fluentui/react-icons/svg/document-pdf';
import { useState } from 'react';
import { useIpcMutation } from '../../ipc/useIpc';
import { Busy } from './Busy';
import { ErrorMessage } from './ErrorMessage';

const useStyles = makeStyles({ row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'center' } });

const formatName = { html: 'HTML', pdf: 'PDF' } as const;

/** Saves the readiness report for the helpdesk or admin, as HTML or PDF, saying what it is doing. */
export function ReportExport() {
  const styles = useStyles();
  const exporter = useIpcMutation('report:export');
  const [format, setFormat] = useState<'html' | 'pdf'>('html');
  const busy = exporter.state.kind === 'busy';
  const exportAs = (chosen: 'html' | 'pdf') => {
    setFormat(chosen);
    void exporter.run({ format: chosen });
  };
  return (
    <>
      <Body1>A report of what the check found and which steps this account needs. It holds no password.</Body1>
      <div className={styles.row}>
        <Button icon={<CodeRegular />} disabledFocusable={busy} onClick={() => exportAs('html')}>
          Export report (HTML)
        </Button>
        <Button icon={<DocumentPdfRegular />} disabledFocusable={busy} onClick={() => exportAs('pdf')}>
          Export report (PDF)
        </Button>
      </div>
      <div aria-live="polite">
        {busy && <Busy label={`Preparing the ${formatName[format]} report…`} />}
        {exporter.state.kind === 'done' && (
          <MessageBar intent={exporter.state.value.savedTo ? 'success' : 'info'} data-testid="report-saved">
            <MessageBarBody>
              {exporter.state.value.savedTo ? `Saved to ${exporter.state.value.savedTo}` : 'Not saved: you cancelled.'}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {exporter.state.kind === 'failed' && <ErrorMessage error={exporter.state.error} title="The report was not saved" />}
    </>
  );
}
