import type { IncomingMessage, ServerResponse } from 'node:http';
import { cookie, readForm, redirect, sendHtml } from '../http/io';
import type { SandboxUser } from '../state/tenant';
import type { EntraContext } from './context';
import { securityInfoPage, signInPage } from './pages';
import { demoAccounts } from './context';

/**
 * /security-info: the stand-in for mysignins.microsoft.com/security-info, where a user with
 * per-user MFA creates app passwords (name of 8+ characters, secret shown once, at most 40).
 */
export async function handleSecurityInfo(ctx: EntraContext, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const sessionId = cookie(req, 'ESTSAUTH');
  const session = ctx.store.session(sessionId);
  const user = session ? ctx.tenant.findUser(session.upn) : undefined;
  if (!session || !user) {
    const flow = ctx.store.startFlow({ kind: 'security-info' });
    sendHtml(res, 200, signInPage({ demo: demoAccounts(ctx), flowToken: flow.id, action: '/common/login', appName: 'My Sign-Ins' }));
    return;
  }
  const render = (status: number, extra: { created?: { name: string; secret: string }; error?: string } = {}): void =>
    sendHtml(res, status, page(ctx, user, session.canary, extra));
  if (req.method !== 'POST') return render(200);

  const form = await readForm(req);
  if (form.get('canary') !== session.canary) return render(400, { error: 'Your session has changed. Refresh the page and try again.' });
  if (path === '/security-info/app-passwords/delete') {
    ctx.tenant.deleteAppPassword(user, form.get('id') ?? '');
    return redirect(res, '/security-info');
  }
  const name = (form.get('name') ?? '').trim();
  try {
    const secret = ctx.tenant.createAppPassword(user, name);
    render(200, { created: { name, secret } });
  } catch (error) {
    render(400, { error: error instanceof Error ? error.message : String(error) });
  }
}

function page(ctx: EntraContext, user: SandboxUser, canary: string, extra: { created?: { name: string; secret: string }; error?: string }): string {
  return securityInfoPage({
    upn: user.upn,
    canary,
    methods: user.methods,
    appPasswords: user.appPasswords.map(({ id, name, createdDateTime }) => ({ id, name, createdDateTime })),
    blocker: ctx.tenant.appPasswordBlocker(user),
    ...extra,
  });
}
