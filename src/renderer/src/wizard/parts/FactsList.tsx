import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { Facts } from '../../../../shared/readiness/verdict';
import { factRows } from '../../../../shared/readiness/wording';

/** The facts the check found, one per row, worded as the readiness report words them. */
export function FactsList({ facts }: { facts: Facts }) {
  return (
    <Table size="small" aria-label="What we found about your account" data-testid="facts">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Setting</TableHeaderCell>
          <TableHeaderCell>Value</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {factRows(facts).map(([name, value]) => (
          <TableRow key={name}>
            <TableCell>{name}</TableCell>
            <TableCell>{value}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
