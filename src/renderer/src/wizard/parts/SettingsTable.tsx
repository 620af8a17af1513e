import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles } from '@fluentui/react-components';
import { CopyButton } from './CopyButton';

export type Setting = { name: string; value: string };

const useStyles = makeStyles({
  // Long values wrap only where they must, never a short name mid-word.
  value: { fontFamily: 'monospace', overflowWrap: 'anywhere' },
  nameColumn: { width: '34%' },
  copyColumn: { width: '7.5rem' },
});

/** Settings to type into another tool, each with its own copy button. */
export function SettingsTable({ settings, label }: { settings: readonly Setting[]; label: string }) {
  const styles = useStyles();
  return (
    <Table aria-label={label} data-testid="tool-settings">
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.nameColumn}>Setting</TableHeaderCell>
          <TableHeaderCell>Value</TableHeaderCell>
          <TableHeaderCell className={styles.copyColumn}>
            <span>Copy</span>
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {settings.map((setting) => (
          <TableRow key={setting.name}>
            <TableCell>{setting.name}</TableCell>
            <TableCell className={styles.value}>{setting.value}</TableCell>
            <TableCell>
              <CopyButton text={setting.value} label={setting.name} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
