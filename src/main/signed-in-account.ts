import type { Account } from '../shared/account';
import { notSignedIn } from '../shared/errors/catalogue';
import type { Services } from './services';

/** The account every per-user handler acts for: main's own session, never a name from the request. */
export async function signedInAccount(services: Pick<Services, 'auth'>): Promise<Account> {
  const { account } = await services.auth.current();
  if (!account) throw notSignedIn();
  return account;
}
