import { Body1, Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentPdfRegular, CodeRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { AppErrorShape } from '../../../../shared/ipc/errors';
import { call } from '../../api';
import { toErrorShape } from '../errors';
import { ErrorMessage } from './ErrorMessage';

const useStyles = makeStyles({ row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' } });

/** Saves the readiness report for the helpdesk, as HTML or PDF. */
export function ReportExport() {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null | undefined>(undefined);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const exportAs = async (format: 'html' | 'pdf') => {
    setBusy(true);
    setError(null);
    setSaved(undefined);
    try {
      setSaved((await call('report:export', { format })).savedTo);
    } catch (caught) {
      setError(toErrorShape(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Body1>For your helpdesk: a report of what the check found and which steps this account needed.</Body1>
      <div className={styles.row}>
        <Button icon={<CodeRegular />} disabledFocusable={busy} onClick={() => void exportAs('html')}>
          Export report (HTML)
        </Button>
        <Button icon={<DocumentPdfRegular />} disabledFocusable={busy} onClick={() => void exportAs('pdf')}>
          Export report (PDF)
        </Button>
      </div>
      <div aria-live="polite">
        {saved !== undefined && (
          <MessageBar intent={saved ? 'success' : 'info'} data-testid="report-saved">
            <MessageBarBody>{saved ? `Saved to ${saved}` : 'Not saved: you cancelled.'}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {error && <ErrorMessage error={error} title="The report was not saved" />}
    </>
  );
}
