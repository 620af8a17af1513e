import type { IncomingMessage, ServerResponse } from 'node:http';
import { redirect, sendHtml, sendJson } from '../http/io';
import { handleAuthorize } from './authorize';
import { tenantMatches, type EntraContext } from './context';
import { deviceLoginPath, handleDeviceCodeRequest, handleDeviceLoginPage } from './device-code';
import { instanceDiscovery, openIdConfiguration } from './discovery';
import { aadError, sendTokenError } from './errors';
import { errorPage } from './pages';
import { handleSecurityInfo } from './security-info';
import { handleCredentials, handleMfa } from './sign-in';
import { handleToken } from './token';

/** Routes the Entra ID v2 endpoints, the sign-in pages and the security-info page. */
export function createEntraHandler(ctx: EntraContext) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', ctx.host);
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const method = req.method ?? 'GET';
    const post = method === 'POST';

    if (path === '/common/discovery/instance') {
      ctx.counters.discoveryRequests += 1;
      return sendJson(res, 200, instanceDiscovery(ctx));
    }
    if (path === '/common/login' && post) return handleCredentials(ctx, req, res);
    if (path === '/common/SAS/ProcessAuth' && post) return handleMfa(ctx, req, res);
    if (path === deviceLoginPath || path === '/common/oauth2/deviceauth') return handleDeviceLoginPage(ctx, req, res);
    if (path.startsWith('/security-info')) return handleSecurityInfo(ctx, req, res, path);
    if (path === '/') return sendHtml(res, 200, indexPage());

    const match = /^\/([^/]+)\/(.+)$/.exec(path);
    if (!match) return notFound(res);
    const [, tenantSegment = '', rest = ''] = match;
    const known = tenantMatches(ctx, tenantSegment);
    const unknownTenant = (): void => sendTokenError(res, aadError(90002, { tenant: tenantSegment }));

    switch (rest) {
      case 'v2.0/.well-known/openid-configuration':
        ctx.counters.discoveryRequests += 1;
        return known ? sendJson(res, 200, openIdConfiguration(ctx, tenantSegment)) : unknownTenant();
      case 'discovery/v2.0/keys':
      case 'discovery/keys':
        return sendJson(res, 200, { keys: [ctx.tokens.keys.publicJwk] });
      case 'oauth2/v2.0/authorize':
        if (!known) {
          const err = aadError(90002, { tenant: tenantSegment });
          return sendHtml(res, 400, errorPage(`AADSTS${err.code}`, err.description));
        }
        return handleAuthorize(ctx, req, res, url);
      case 'oauth2/v2.0/token':
        if (!post) return methodNotAllowed(res);
        return known ? handleToken(ctx, req, res) : unknownTenant();
      case 'oauth2/v2.0/devicecode':
        if (!post) return methodNotAllowed(res);
        return known ? handleDeviceCodeRequest(ctx, req, res) : unknownTenant();
      case 'oauth2/v2.0/logout':
        return redirect(res, url.searchParams.get('post_logout_redirect_uri') ?? '/', { 'Set-Cookie': 'ESTSAUTH=; Path=/; Secure; HttpOnly; Max-Age=0' });
      default:
        return notFound(res);
    }
  };
}

function notFound(res: ServerResponse): void {
  sendHtml(res, 404, errorPage('AADSTS900561', 'The endpoint only accepts POST, OPTIONS requests, or the path does not exist.'));
}

function methodNotAllowed(res: ServerResponse): void {
  sendHtml(res, 405, errorPage('AADSTS900561', 'The endpoint only accepts POST, OPTIONS requests. Received a GET request.'));
}

function indexPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Microsoft 365 sandbox</title></head><body>
<h1>Microsoft 365 sandbox</h1><ul><li><a href="/security-info">Security info (create an app password)</a></li>
<li><a href="${deviceLoginPath}">Enter a device code</a></li></ul></body></html>`;
}
