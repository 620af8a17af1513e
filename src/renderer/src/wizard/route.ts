import type { Verdict } from '../../../shared/readiness/verdict';
import type { ConnectRoute } from '../../../shared/routes/route';
import type { SmtpMethod } from '../../../shared/smtp/result';

export type Route = SmtpMethod | 'admin-action';

/**
 * The route to offer: the verdict's recommendation, unless the organisation's policy hides it,
 * in which case the other route if it can work, else admin action.
 */
export function chooseRoute(verdict: Verdict, routesOffered: readonly ConnectRoute[]): Route {
  const usable = (method: SmtpMethod): boolean =>
    routesOffered.includes(method) &&
    (method === 'app-password' ? verdict.routes.appPassword : verdict.routes.oauth) !== 'blocked';
  if (verdict.recommended !== 'admin-action' && usable(verdict.recommended)) return verdict.recommended;
  if (usable('app-password') && verdict.recommended !== 'admin-action') return 'app-password';
  if (usable('oauth') && verdict.routes.oauth === 'possible') return 'oauth';
  return 'admin-action';
}

/** Whether the app-password screens apply to this account under this policy. */
export const appPasswordRouteOpen = (verdict: Verdict, routesOffered: readonly ConnectRoute[]): boolean =>
  routesOffered.includes('app-password') && verdict.routes.appPassword !== 'blocked';

export const routeLabel: Record<Route, string> = {
  'app-password': 'App password (SMTP AUTH with your user name and an app password)',
  oauth: 'OAuth (SMTP XOAUTH2 with a sign-in token, no password stored)',
  'admin-action': 'Neither route works yet: your admin needs to act first',
};

/**
 * Whether to point a password-only tool at the bridge: the policy offers it and the app-password
 * route is blocked, not offered, or being retired (the verdict carries the retirement notice).
 */
export const bridgeSuggested = (verdict: Verdict, routesOffered: readonly ConnectRoute[]): boolean =>
  routesOffered.includes('bridge') &&
  (!appPasswordRouteOpen(verdict, routesOffered) || verdict.recommended !== 'app-password' || verdict.notices.some(isRetirementNotice));

const isRetirementNotice = (notice: string) => /basic auth/i.test(notice);
