import { notStored, routeNotOffered } from '../shared/errors/catalogue';
import { AppError } from '../shared/ipc/app-error';
import { createBridgeHandlers } from './bridge-handlers';
import { clipboardClearDelayMs, createSelfClearingClipboard } from './clipboard';
import type { HandlerTable } from './ipc/handler-types';
import type { Platform } from './platform-port';
import { allowedExternalUrl } from './security/external-url';
import type { Services } from './services';
import { signedInAccount } from './signed-in-account';
import { createLastTestStore } from './smtp/last-test-store';

/**
 * The IPC handler table. No 'electron' import: Electron's ipcMain and the Chromium shell's
 * exposeBinding bind this same table, and tests call it directly.
 */
export function createHandlers(services: Services, platform: Platform): HandlerTable {
  const { settings } = services;
  const clipboard = createSelfClearingClipboard({ platform });
  const lastTests = createLastTestStore(() => platform.appDataDir());
  return {
    'app:info': async () => ({
      version: services.version,
      demoTenant: settings.demoTenant,
      host: platform.host,
      routesOffered: settings.routesOffered,
      hiddenGuides: settings.hiddenGuides,
      securityInfoUrl: settings.securityInfoUrl,
    }),
    'config:get': async () => ({
      smtpHost: settings.smtpHost,
      smtpPort: settings.smtpPort,
      keychainService: settings.keychainService,
      tenant: settings.tenant,
      cloud: settings.cloud,
    }),
    'auth:current': () => services.auth.current(),
    'auth:sign-in': async (request, context) => {
      const account = await services.auth.signIn({
        method: request.method,
        ...(request.switchAccount !== undefined ? { switchAccount: request.switchAccount } : {}),
        onDeviceCode: (info) => context.emit('auth:device-code', info),
        onProgress: (stage) => context.emit('auth:progress', { stage }),
      });
      // A new sign-in is what a dead refresh token needed: the bridge resumes for this account.
      services.bridgeHealth?.signedIn(account.upn);
      return { account };
    },
    'auth:cancel': async () => ({ cancelled: services.auth.cancel() }),
    'auth:sign-out': async () => ({ signedOut: await services.auth.signOut() }),
    'readiness:check': () => services.readiness.check(),
    // Whose password and whose token: always the signed-in account, never a name from the renderer.
    'vault:status': async () => {
      const { upn } = await signedInAccount(services);
      return { stored: await services.vault.has(upn), service: services.vault.service, account: services.vault.accountFor(upn) };
    },
    'vault:store': async ({ password, replace }) => {
      const { upn } = await signedInAccount(services);
      return services.vault.store(upn, password, { replace });
    },
    'smtp:test': async ({ method }, context) => {
      // The bridge route's OAuth test login is the same XOAUTH2 test.
      if (!settings.routesOffered.includes(method) && !(method === 'oauth' && settings.routesOffered.includes('bridge'))) {
        throw routeNotOffered(method);
      }
      const { upn } = await signedInAccount(services);
      const secret =
        method === 'oauth' ? await services.auth.acquireSmtpToken(upn) : await services.vault.read(upn);
      if (secret === null) throw notStored(upn);
      const result = await services.smtp.test({ upn, method, secret, onProgress: (progress) => context.emit('smtp:progress', progress) });
      await lastTests.record(upn, { method, ok: result.ok, cause: result.cause, at: new Date().toISOString() });
      return result;
    },
    'smtp:last-tests': async () => {
      const { account } = await services.auth.current();
      return { tests: account ? await lastTests.get(account.upn) : [] };
    },
    'shell:open-external': async ({ url }) => {
      const allowed = allowedExternalUrl(url, settings.extraExternalOrigins);
      if (allowed === null) {
        throw new AppError({ code: 'url-not-allowed', message: 'The app only opens Microsoft sign-in and admin pages.' });
      }
      // Opens the checked canonical URL, never the raw string (fuzzed by tests/security/ipc-fuzz.test.ts).
      await platform.openExternal(allowed); // eng-disable OPEN_EXTERNAL_JS_CHECK
      return { opened: true };
    },
    'clipboard:copy': async ({ text, sensitive }) => {
      if (!sensitive) {
        await platform.writeClipboard(text);
        return { copied: true, clearsAfterSeconds: null };
      }
      await clipboard.copy(text);
      return { copied: true, clearsAfterSeconds: clipboardClearDelayMs / 1000 };
    },
    'report:export': async ({ format }) => {
      await signedInAccount(services);
      const verdict = await services.readiness.check();
      const html = services.documents.readinessReportHtml(verdict);
      return { savedTo: await saveDocument(platform, 'm365-connect-readiness', format, html) };
    },
    'guides:export': async ({ format, ids }) => {
      const html = services.documents.guidesHtml(ids);
      return { savedTo: await saveDocument(platform, guidesExportName(ids, new Date()), format, html) };
    },
    ...createBridgeHandlers(services, platform),
  };
}

async function saveDocument(platform: Platform, baseName: string, format: 'html' | 'pdf', html: string) {
  const data = format === 'pdf' ? await platform.renderPdf(html) : new TextEncoder().encode(html);
  const filters = [{ name: format === 'pdf' ? 'PDF document' : 'Web page', extensions: [format] }];
  return platform.saveFile({ suggestedName: `${baseName}.${format}`, data, filters });
}

/**
 * A guides export names what it holds and when, so a second export never silently replaces the
 * first: m365-connect-guide-create-app-password-2026-12-01-0930-15, m365-connect-guides-3-….
 */
export function guidesExportName(ids: readonly string[] | undefined, now: Date): string {
  const stamp = now.toISOString().slice(0, 19).replace('T', '-').replace(/:/g, '').replace(/^(\d{4}-\d{2}-\d{2}-\d{4})(\d{2})$/, '$1-$2');
  const what = ids?.length === 1 ? `guide-${ids[0]}` : ids && ids.length > 1 ? `guides-${ids.length}` : 'guides';
  return `m365-connect-${what.replace(/[^a-z0-9-]/gi, '')}-${stamp}`;
}
