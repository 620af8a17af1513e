import type { IncomingMessage, ServerResponse } from 'node:http';
import { delay, readForm, redirect, sendHtml } from '../http/io';
import type { SandboxUser } from '../state/tenant';
import type { SignInFacts } from '../tokens/claims';
import { finishAuthorize } from './authorize';
import type { EntraContext } from './context';
import { finishDeviceSignIn } from './device-code';
import { errorPage, mfaPage, signInPage } from './pages';
import { demoAccounts } from './context';
import type { Flow } from './store';

const wrongPassword = "Your account or password is incorrect. If you don't remember your password, reset it now.";
const wrongCode = "You didn't enter the expected verification code. Please try again.";

function expired(res: ServerResponse): void {
  sendHtml(res, 400, errorPage('AADSTS90015', 'The sign-in session has expired. Go back to the application and sign in again.'));
}

/** POST /common/login: the user name and password from the sign-in page. */
export async function handleCredentials(ctx: EntraContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = await readForm(req);
  const flow = ctx.store.flow(form.get('flowToken') ?? '');
  if (!flow) return expired(res);
  await delay(ctx.latencyMs());
  const login = (form.get('login') ?? '').trim();
  const user = ctx.tenant.findUser(login);
  if (!user || !ctx.tenant.passwordMatches(user, form.get('passwd') ?? '')) {
    sendHtml(res, 200, signInPage({ demo: demoAccounts(ctx), flowToken: flow.id, action: '/common/login', appName: ctx.tokens.appName, loginHint: login, error: wrongPassword }));
    return;
  }
  flow.upn = user.upn;
  // MFA is prompted when policy asks for it and the user has a method to answer with.
  if (ctx.tenant.mfaRequired(user) && ctx.tenant.hasStrongMethod(user)) {
    sendHtml(res, 200, mfaPage({ demo: demoAccounts(ctx).filter((a) => a.upn === user.upn), flowToken: flow.id, action: '/common/SAS/ProcessAuth', upn: user.upn }));
    return;
  }
  await complete(ctx, res, flow, user, { amr: ['pwd'], authTime: Math.floor(Date.now() / 1000) });
}

/** POST /common/SAS/ProcessAuth: the verification code from the MFA prompt. */
export async function handleMfa(ctx: EntraContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = await readForm(req);
  const flow = ctx.store.flow(form.get('flowToken') ?? '');
  const user = flow?.upn ? ctx.tenant.findUser(flow.upn) : undefined;
  if (!flow || !user) return expired(res);
  if ((form.get('otc') ?? '').trim() !== user.mfaCode) {
    sendHtml(res, 200, mfaPage({ demo: demoAccounts(ctx).filter((a) => a.upn === user.upn), flowToken: flow.id, action: '/common/SAS/ProcessAuth', upn: user.upn, error: wrongCode }));
    return;
  }
  await complete(ctx, res, flow, user, { amr: ['pwd', 'mfa'], authTime: Math.floor(Date.now() / 1000) });
}

async function complete(ctx: EntraContext, res: ServerResponse, flow: Flow, user: SandboxUser, facts: SignInFacts): Promise<void> {
  ctx.store.endFlow(flow.id);
  const session = ctx.store.startSession(user.upn, facts);
  const purpose = flow.purpose;
  if (purpose.kind === 'authorize') return finishAuthorize(ctx, res, purpose.request, user, facts, session);
  if (purpose.kind === 'device') return finishDeviceSignIn(ctx, res, purpose.userCode, user, facts);
  redirect(res, '/security-info', { 'Set-Cookie': `ESTSAUTH=${session}; Path=/; Secure; HttpOnly; SameSite=Lax` });
}
