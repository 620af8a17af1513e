import { Table, TableBody, TableCell, TableRow } from '@fluentui/react-components';

/** Where the password lives: the documented service/account contract other tools rely on. */
export function KeychainLocation({ service, account }: { service: string; account: string }) {
  return (
    <Table size="small" aria-label="Where the app password is stored" data-testid="keychain-location">
      <TableBody>
        <TableRow>
          <TableCell>Keychain service</TableCell>
          <TableCell>
            <code>{service}</code>
          </TableCell>
        </TableRow>
        <TableRow>
          <TableCell>Keychain account</TableCell>
          <TableCell>
            <code>{account}</code>
          </TableCell>
        </TableRow>
      </TableBody>
    </Table>
  );
}
