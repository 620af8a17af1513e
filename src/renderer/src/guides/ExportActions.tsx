import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentPdfRegular } from '@fluentui/react-icons/svg/document-pdf';
import { GlobeRegular } from '@fluentui/react-icons/svg/globe';
import { PrintRegular } from '@fluentui/react-icons/svg/print';
import { useExport } from './useExport';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, '@media print': { display: 'none' } },
  status: { '@media print': { display: 'none' } },
});

/** Print, and export to PDF or to one self-contained HTML file: for one guide or a set. */
export function ExportActions({ ids, what }: { ids: string[]; what: string }) {
  const styles = useStyles();
  const { state, exportGuides } = useExport();
  const busy = state.kind === 'busy' || ids.length === 0;
  return (
    <div className={styles.status}>
      <div className={styles.actions} role="group" aria-label={`Print or export ${what}`}>
        <Button icon={<PrintRegular />} onClick={() => window.print()}>
          Print
        </Button>
        <Button icon={<DocumentPdfRegular />} disabled={busy} onClick={() => void exportGuides('pdf', ids)}>
          {state.kind === 'busy' && state.format === 'pdf' ? 'Exporting…' : 'Export to PDF'}
        </Button>
        <Button icon={<GlobeRegular />} disabled={busy} onClick={() => void exportGuides('html', ids)}>
          {state.kind === 'busy' && state.format === 'html' ? 'Exporting…' : 'Export to HTML'}
        </Button>
      </div>
      <div aria-live="polite">
        {state.kind === 'saved' && (
          <MessageBar intent="success">
            <MessageBarBody>
              <MessageBarTitle>Saved</MessageBarTitle>
              {state.path}
            </MessageBarBody>
          </MessageBar>
        )}
        {state.kind === 'failed' && (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>Not exported</MessageBarTitle>
              {state.message}
              {state.nextStep ? ` ${state.nextStep}` : ''}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </div>
  );
}
