import type { IncomingMessage, ServerResponse } from 'node:http';
import { readForm, sendHtml, sendJson } from '../http/io';
import type { SandboxUser } from '../state/tenant';
import type { SignInFacts } from '../tokens/claims';
import type { EntraContext } from './context';
import { aadError, sendTokenError } from './errors';
import { deviceCodeDonePage, deviceCodeEntryPage, errorPage, signInPage } from './pages';
import { demoAccounts } from './context';
import { grantScopes, parseScopes } from './scopes';
import { signInPolicyError } from './token-response';

const deviceCodeLifetimeSeconds = 900;

export const deviceLoginPath = '/devicelogin';

/** POST /{tenant}/oauth2/v2.0/devicecode */
export async function handleDeviceCodeRequest(ctx: EntraContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  ctx.counters.deviceCodeRequests += 1;
  const form = await readForm(req);
  const clientId = form.get('client_id') ?? '';
  if (!clientId) return sendTokenError(res, aadError(900144, { field: 'client_id' }));
  if (clientId.toLowerCase() !== ctx.tokens.clientId.toLowerCase()) {
    return sendTokenError(res, aadError(700016, { clientId, tenant: ctx.tenant.scenario.tenant.domain }));
  }
  const scope = form.get('scope') ?? '';
  const parsed = parseScopes(scope, ctx.tokens.appName);
  if ('code' in parsed) return sendTokenError(res, parsed);
  const entry = ctx.store.issueDeviceCode(clientId, scope, deviceCodeLifetimeSeconds);
  const verificationUri = `${ctx.host}${deviceLoginPath}`;
  sendJson(res, 200, {
    user_code: entry.userCode,
    device_code: entry.deviceCode,
    verification_uri: verificationUri,
    expires_in: deviceCodeLifetimeSeconds,
    interval: ctx.deviceCodeIntervalSeconds,
    message: `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${entry.userCode} to authenticate.`,
  });
}

/** GET/POST /devicelogin (also /common/oauth2/deviceauth): the page where the user types the code. */
export async function handleDeviceLoginPage(ctx: EntraContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') {
    sendHtml(res, 200, deviceCodeEntryPage({ action: deviceLoginPath }));
    return;
  }
  const form = await readForm(req);
  const entry = ctx.store.deviceCodeByUserCode(form.get('otc') ?? '');
  if (!entry || entry.status !== 'pending' || entry.expiresAt <= Date.now()) {
    sendHtml(res, 200, deviceCodeEntryPage({ action: deviceLoginPath, error: "That code didn't work. Check the code and try again." }));
    return;
  }
  const flow = ctx.store.startFlow({ kind: 'device', userCode: entry.userCode });
  sendHtml(res, 200, signInPage({ demo: demoAccounts(ctx), flowToken: flow.id, action: '/common/login', appName: ctx.tokens.appName }));
}

/** The sign-in behind a device code succeeded (or hit a policy error the poll will report). */
export async function finishDeviceSignIn(ctx: EntraContext, res: ServerResponse, userCode: string, user: SandboxUser, facts: SignInFacts): Promise<void> {
  const entry = ctx.store.deviceCodeByUserCode(userCode);
  if (!entry || entry.status !== 'pending') {
    sendHtml(res, 400, errorPage('AADSTS70020', 'This device code has expired.'));
    return;
  }
  entry.status = 'approved';
  entry.upn = user.upn;
  entry.facts = facts;
  sendHtml(res, 200, deviceCodeDonePage(ctx.tokens.appName));
}

/** Approves a pending device code without a browser (for tests and scripted demos). */
export function approveDeviceCode(ctx: EntraContext, userCode: string, user: SandboxUser, withMfa: boolean): void {
  const entry = ctx.store.deviceCodeByUserCode(userCode);
  if (!entry || entry.status !== 'pending') throw new Error(`No pending device code ${userCode}`);
  entry.status = 'approved';
  entry.upn = user.upn;
  entry.facts = { amr: withMfa ? ['pwd', 'mfa'] : ['pwd'], authTime: Math.floor(Date.now() / 1000) };
}

/** The device_code grant: pending until the user signs in, then tokens once. */
export function deviceCodeGrant(ctx: EntraContext, deviceCode: string): { error: ReturnType<typeof aadError> } | { user: SandboxUser; facts: SignInFacts; grant: Exclude<ReturnType<typeof grantScopes>, ReturnType<typeof aadError>> } {
  const entry = ctx.store.deviceCode(deviceCode);
  if (!entry) return { error: aadError(9002313) };
  if (entry.status === 'redeemed' || entry.expiresAt <= Date.now()) return { error: aadError(70020) };
  if (entry.status === 'declined') return { error: aadError(70019) };
  if (entry.status === 'pending' || !entry.upn || !entry.facts) return { error: aadError(70016) };
  entry.status = 'redeemed';
  const user = ctx.tenant.findUser(entry.upn);
  if (!user) return { error: aadError(9002313) };
  const parsed = parseScopes(entry.scope, ctx.tokens.appName);
  if ('code' in parsed) return { error: parsed };
  const grant = grantScopes(ctx.tenant, user, parsed, ctx.tokens.clientId, ctx.tokens.appName);
  if ('code' in grant) return { error: grant };
  const blocked = signInPolicyError(ctx, user, grant, entry.facts);
  if (blocked) return { error: blocked };
  return { user, facts: entry.facts, grant };
}
