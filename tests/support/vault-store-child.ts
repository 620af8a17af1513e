/**
 * Run in a child process by the keychain test with a stripped environment (no D-Bus session):
 * stores a password through the real keytar and prints what came back, as JSON.
 */
import { createVaultService } from '../../src/main/vault';
import { isAppError } from '../../src/shared/ipc/app-error';

async function main() {
  const [service = 'm365-connect-test', upn = 'u@contoso.com'] = process.argv.slice(2);
  const secret = process.env.TEST_SECRET ?? '';
  try {
    const result = await createVaultService({ service }).store(upn, secret, { replace: true });
    console.log(JSON.stringify({ ok: true, result }));
  } catch (error) {
    console.log(JSON.stringify(isAppError(error) ? { ok: false, error: error.toShape() } : { ok: false, error: String(error) }));
  }
}

void main();
