import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { grantedScopeMemory, grantedScopesMarginMs } from '../../src/main/auth/granted-scope-memory';

const where = 'https://login.example.test/tenant-1 https://graph.microsoft.com/.default';
const graphScopes = ['https://graph.microsoft.com/User.Read', 'https://graph.microsoft.com/AuditLog.Read.All'];
const result = (homeAccountId: string, scopes: string[], expiresOn: Date | null) => ({ account: { homeAccountId }, scopes, expiresOn });
const inAnHour = () => new Date(Date.now() + 3_600_000);
const freshDir = () => mkdtemp(join(tmpdir(), 'm365-granted-'));

describe('granted Graph scopes, remembered for the next process', () => {
  it('a new process gets the scopes the last one noted (OIDC scopes left out), while that token is valid', async () => {
    const dir = await freshDir();
    await grantedScopeMemory(dir, where).note(result('acct-1', ['openid', 'profile', 'offline_access', ...graphScopes], inAnHour()));
    const next = grantedScopeMemory(dir, where);
    expect(await next.usable('acct-1')).toEqual(graphScopes);
    // Not for another account, nor another authority or Graph cloud.
    expect(await next.usable('acct-2')).toBeNull();
    expect(await grantedScopeMemory(dir, 'https://login.microsoftonline.us/tenant-1 https://graph.microsoft.us/.default').usable('acct-1')).toBeNull();
  });

  it('near expiry (MSAL would renew) or without an expiry, `.default` is asked again', async () => {
    const dir = await freshDir();
    const expiresOn = inAnHour();
    const memory = grantedScopeMemory(dir, where);
    await memory.note(result('acct-1', graphScopes, expiresOn));
    expect(await memory.usable('acct-1', expiresOn.getTime() - grantedScopesMarginMs - 1_000)).toEqual(graphScopes);
    expect(await memory.usable('acct-1', expiresOn.getTime() - grantedScopesMarginMs + 1_000)).toBeNull();
    await memory.note(result('acct-1', graphScopes, null));
    expect(await grantedScopeMemory(dir, where).usable('acct-1')).toBeNull();
  });

  it('forget and clear remove the record; a token with only OIDC scopes forgets it', async () => {
    const dir = await freshDir();
    const memory = grantedScopeMemory(dir, where);
    await memory.note(result('acct-1', graphScopes, inAnHour()));
    await memory.forget('acct-2');
    expect(await grantedScopeMemory(dir, where).usable('acct-1')).toEqual(graphScopes);
    await memory.forget('acct-1');
    expect(await memory.usable('acct-1')).toBeNull();
    expect(await grantedScopeMemory(dir, where).usable('acct-1')).toBeNull();

    await memory.note(result('acct-1', graphScopes, inAnHour()));
    await memory.note(result('acct-1', ['openid', 'profile'], inAnHour()));
    expect(await grantedScopeMemory(dir, where).usable('acct-1')).toBeNull();

    await memory.note(result('acct-1', graphScopes, inAnHour()));
    await memory.clear();
    expect(await memory.usable('acct-1')).toBeNull();
    expect(await grantedScopeMemory(dir, where).usable('acct-1')).toBeNull();
  });

  it('a damaged or foreign file is ignored, and the record holds names and a time only', async () => {
    const dir = await freshDir();
    const file = join(dir, 'graph-scopes.json');
    for (const content of ['not json', '[]', JSON.stringify({ homeAccountId: 'acct-1', where, scopes: [], expiresOn: Date.now() + 3_600_000 }), JSON.stringify({ homeAccountId: 'acct-1', where, scopes: [1], expiresOn: 1 })]) {
      await writeFile(file, content);
      expect(await grantedScopeMemory(dir, where).usable('acct-1')).toBeNull();
    }
    const expiresOn = inAnHour();
    await grantedScopeMemory(dir, where).note(result('acct-1', graphScopes, expiresOn));
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ homeAccountId: 'acct-1', where, scopes: graphScopes, expiresOn: expiresOn.getTime() });
  });
});
