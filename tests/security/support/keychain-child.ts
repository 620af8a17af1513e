/**
 * Run by the faults suite inside its own D-Bus session and gnome-keyring (never the shared
 * test keyring): `store` or `read` through the real vault, printing the outcome as one JSON line.
 */
import { createVaultService } from '../../../src/main/vault';
import { isAppError } from '../../../src/shared/ipc/app-error';

async function main() {
  const [operation, service = 'm365-connect-fault-test', upn = 'u@contoso.example'] = process.argv.slice(2);
  const vault = createVaultService({ service });
  try {
    const value = operation === 'store' ? await vault.store(upn, process.env.TEST_SECRET ?? '', { replace: true }) : await vault.read(upn);
    console.log(JSON.stringify({ ok: true, value: operation === 'read' ? { matches: value === process.env.TEST_SECRET } : value }));
  } catch (error) {
    console.log(JSON.stringify(isAppError(error) ? { ok: false, error: error.toShape() } : { ok: false, error: { code: 'raw', message: String(error) } }));
  }
}

void main();
