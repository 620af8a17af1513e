import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { FactName, Facts } from '../../../../shared/readiness/verdict';

const factLabels: Record<FactName, string> = {
  perUserMfa: 'Per-user MFA',
  securityDefaults: 'Security defaults',
  conditionalAccessMfa: 'Conditional Access requires MFA',
  methods: 'Sign-in methods registered',
  signInUsedMfa: 'This sign-in used MFA',
};

const show = (value: Facts[FactName]): string => {
  if (value === 'unknown') return 'Unknown';
  if (value === true) return 'Yes';
  if (value === false) return 'No';
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : 'None';
  return value.charAt(0).toUpperCase() + value.slice(1);
};

/** The facts the check found, one per row, unknown ones said so. */
export function FactsList({ facts }: { facts: Facts }) {
  const names = Object.keys(factLabels) as FactName[];
  return (
    <Table size="small" aria-label="What we found about your account" data-testid="facts">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Setting</TableHeaderCell>
          <TableHeaderCell>Value</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {names.map((name) => (
          <TableRow key={name}>
            <TableCell>{factLabels[name]}</TableCell>
            <TableCell>{show(facts[name])}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export const factLabel = (fact: string): string => (fact in factLabels ? factLabels[fact as FactName] : fact);
