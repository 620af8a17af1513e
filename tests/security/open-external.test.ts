import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { allowedExternalHosts } from '../../src/main/security/external-url';
import { allGuides } from '../../src/shared/guides';
import { links } from '../../src/shared/guides/content/links';
import { testSettings } from '../support/fake-services';
import { instrumentedDispatch } from './support/instrumented';
import { securityLog } from './support/security-log';

const log = securityLog('open-external', 5);
afterAll(() => log.flush());

const hosts = [...allowedExternalHosts];
const host = fc.constantFrom(...hosts);
const path = fc.tuple(fc.webPath(), fc.option(fc.webQueryParameters()), fc.option(fc.webFragments())).map(
  ([p, q, f]) => `${p.startsWith('/') ? p : `/${p}`}${q === null ? '' : `?${q}`}${f === null ? '' : `#${f}`}`,
);
const evilDomain = fc.domain().filter((domain) => !allowedExternalHosts.has(domain));

// Letters and their lookalikes; the WHATWG parser turns them into punycode or maps them back to ASCII.
const homoglyphs: Record<string, string[]> = {
  a: ['а', 'ɑ', 'ａ'], c: ['с', 'ｃ'], e: ['е', 'ｅ'], i: ['і', 'ı', 'ｉ'], m: ['ｍ'], o: ['о', 'ο', 'ｏ', '0'],
  p: ['р'], s: ['ѕ', 'ｓ'], t: ['ｔ'], l: ['ӏ', '1', 'ｌ'], n: ['ո', 'ｎ'], r: ['г', 'ｒ'], g: ['ɡ'], k: ['κ'], y: ['у'],
};

const named: [string, string][] = [
  ['javascript: URL', 'javascript:alert(document.domain)'],
  ['javascript: with an allowed host in it', 'javascript://mysignins.microsoft.com/%0aalert(1)'],
  ['file: URL', 'file:///etc/passwd'],
  ['file: UNC share', 'file://attacker.example/share/payload.exe'],
  ['data: URL', 'data:text/html,<script>alert(1)</script>'],
  ['http: on an allowed host', 'http://mysignins.microsoft.com/security-info'],
  ['vbscript: URL', 'vbscript:msgbox(1)'],
  ['ms-msdt: protocol handler', 'ms-msdt:/id PCWDiagnostic /skip force'],
  ['search-ms: protocol handler', 'search-ms:query=x&crumb=location:\\\\attacker.example\\share'],
  ['lookalike suffix', 'https://mysignins.microsoft.com.evil.example/'],
  ['lookalike prefix', 'https://evilmysignins.microsoft.com/'],
  ['subdomain of an allowed host', 'https://evil.mysignins.microsoft.com/'],
  ['userinfo trick', 'https://microsoft.com@evil.example/'],
  ['userinfo with password', 'https://login.microsoftonline.com:pw@evil.example/'],
  ['userinfo on an allowed host', 'https://user:pass@login.microsoftonline.com/'],
  ['punycode lookalike', 'https://xn--mysgnins-6bf.microsoft.com/'],
  ['Cyrillic о in microsoft', 'https://mysignins.micrоsoft.com/'],
  ['fullwidth letter (parser maps it to ASCII)', 'https://ｍysignins.microsoft.com/'],
  ['percent-encoded dot in host', 'https://mysignins%2emicrosoft.com/'],
  ['backslash before @', 'https://mysignins.microsoft.com\\@evil.example/'],
  ['backslash authority', 'https:\\\\mysignins.microsoft.com\\'],
  ['backslash host swap', 'https://evil.example\\mysignins.microsoft.com/'],
  ['tab inside host', 'https://mysignins.micro\tsoft.com/'],
  ['CRLF injection', 'https://mysignins.microsoft.com/\r\nLocation: https://evil.example/'],
  ['leading space', ' https://mysignins.microsoft.com/'],
  ['trailing newline', 'https://mysignins.microsoft.com/\n'],
  ['NUL byte', 'https://mysignins.microsoft.com\0.evil.example/'],
  ['explicit default port', 'https://mysignins.microsoft.com:443/'],
  ['other port', 'https://mysignins.microsoft.com:8443/'],
  ['trailing dot host', 'https://mysignins.microsoft.com./'],
  ['scheme without slashes', 'https:mysignins.microsoft.com'],
  ['scheme with one slash', 'https:/mysignins.microsoft.com'],
  ['protocol-relative', '//mysignins.microsoft.com/'],
  ['IP address', 'https://127.0.0.1/'],
  ['hex IP', 'https://0x7f.1/'],
  ['IPv6 loopback', 'https://[::1]/'],
  ['localhost', 'https://localhost/'],
  ['empty', ''],
  ['not a URL', 'mysignins.microsoft.com'],
];

const generatedRefusals = fc.oneof(
  fc.tuple(fc.constantFrom('http', 'ftp', 'file', 'javascript', 'data', 'ws', 'wss', 'ms-settings', 'search-ms', 'mailto', 'smb'), host, path).map(([scheme, h, p]) => `${scheme}://${h}${p}`),
  fc.tuple(host, evilDomain, path).map(([h, evil, p]) => `https://${h}.${evil}${p}`),
  fc.tuple(host, fc.stringMatching(/^[a-z0-9-]{1,20}$/), path).map(([h, label, p]) => `https://${label}.${h}${p}`),
  fc.tuple(host, evilDomain, path).map(([h, evil, p]) => `https://${h}@${evil}${p}`),
  fc.tuple(host, fc.stringMatching(/^[a-z0-9]{1,10}$/), fc.stringMatching(/^[a-z0-9]{0,10}$/), path).map(([h, user, pw, p]) => `https://${user}${pw ? `:${pw}` : ''}@${h}${p}`),
  fc.tuple(host, fc.integer({ min: 0, max: 65_535 }), path).map(([h, port, p]) => `https://${h}:${port}${p}`),
  fc.tuple(host, evilDomain, fc.constantFrom('\\@', '\\', '\\\\', '%5c@', '%40')).map(([h, evil, glue]) => `https://${h}${glue}${evil}/`),
  fc.tuple(host, path, fc.constantFrom(' ', '\t', '\n', '\r', '\0', '\v', '\f', '\u00a0', '\u2028', '\u200b', '\ufeff'), fc.nat()).map(([h, p, ch, at]) => {
    const url = `https://${h}${p}`;
    const index = at % (url.length + 1);
    return url.slice(0, index) + ch + url.slice(index);
  }),
  fc.tuple(host, fc.nat(), fc.nat()).map(([h, at, pick]) => {
    const positions = [...h].flatMap((ch, index) => (homoglyphs[ch] ? [index] : []));
    const index = positions[at % positions.length] ?? 0;
    const choices = homoglyphs[h[index] ?? 'o'] ?? ['о'];
    return `https://${h.slice(0, index)}${choices[pick % choices.length] ?? 'о'}${h.slice(index + 1)}/`;
  }),
  fc.tuple(host, fc.stringMatching(/^[a-z0-9]{4,12}$/)).map(([h, junk]) => `https://xn--${junk}.${h.split('.').slice(-2).join('.')}/`),
  fc.tuple(host, fc.nat()).map(([h, at]) => {
    const index = at % h.length;
    const code = h.charCodeAt(index).toString(16).padStart(2, '0');
    return `https://${h.slice(0, index)}%${code}${h.slice(index + 1)}/`;
  }),
  host.map((h) => `https://${h}./`),
);

/** Every page the app itself opens: the guides' links and sources, Security info, the device-login pages. */
const appPages = [
  ...new Set([
    ...allGuides.flatMap((g) => g.steps.flatMap((s) => (s.link ? [s.link.url] : []))),
    ...allGuides.flatMap((g) => g.sources.flatMap((s) => (s.url ? [s.url] : []))),
    ...Object.values(links).map((link) => link.url),
    testSettings.securityInfoUrl,
    'https://microsoft.com/devicelogin',
    'https://microsoft.com/deviceloginus',
    'https://login.microsoftonline.com/common/oauth2/deviceauth',
    'https://account.activedirectory.windowsazure.com/usermanagement/multifactorverification.aspx?tenantId=0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  ]),
];

const foreignClient = 'ffffffff-eeee-4ddd-8ccc-bbbbbbbbbbbb';
const pageAttacks: [string, string][] = [
  ['authorize with a foreign client_id (consent phishing)', `https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=${foreignClient}&response_type=code&redirect_uri=https://evil.example/cb&scope=Mail.ReadWrite%20offline_access`],
  ['authorize (v1) with a foreign client_id', `https://login.microsoftonline.com/organizations/oauth2/authorize?client_id=${foreignClient}&response_type=code&resource=https://graph.microsoft.com`],
  ['admin consent for a foreign app', `https://login.microsoftonline.com/common/adminconsent?client_id=${foreignClient}&redirect_uri=https://evil.example/`],
  ['v2 admin consent', `https://login.microsoftonline.com/organizations/v2.0/adminconsent?client_id=${foreignClient}&scope=https://graph.microsoft.com/.default`],
  ['logout with a foreign post_logout_redirect_uri', 'https://login.microsoftonline.com/common/oauth2/v2.0/logout?post_logout_redirect_uri=https://evil.example/'],
  ['logout without parameters', 'https://login.microsoftonline.com/common/oauth2/logout'],
  ['device page with a prefilled code', 'https://login.microsoftonline.com/common/oauth2/deviceauth?otc=ABCD1234'],
  ['the login host root', 'https://login.microsoftonline.com/'],
  ['another aka.ms short link (redirects anywhere)', 'https://aka.ms/evil-redirect'],
  ['aka.ms/mfasetup with a query', 'https://aka.ms/mfasetup?x=https://evil.example'],
  ['Security info with a query', 'https://mysignins.microsoft.com/security-info?redirect=https://evil.example'],
  ['another My Sign-ins page', 'https://mysignins.microsoft.com/organizations'],
  ['an Entra view the app never links (app registrations)', `https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/CallAnAPI/appId/${foreignClient}`],
  ['Entra with a query', 'https://entra.microsoft.com/?feature.x=true#view/Microsoft_AAD_IAM/TenantOverview.ReactView'],
  ['another admin center route', 'https://admin.microsoft.com/#/homepage'],
  ['per-user MFA page with a foreign query', 'https://account.activedirectory.windowsazure.com/usermanagement/multifactorverification.aspx?tenantId=x&returnUrl=https://evil.example'],
  ['a Learn page with a query', 'https://learn.microsoft.com/en-us/graph/overview?redirect=https://evil.example'],
  ['a Learn page with an encoded slash', 'https://learn.microsoft.com/%2f%2fevil.example'],
  ['microsoft.com root', 'https://microsoft.com/'],
  ['www.microsoft.com other page', 'https://www.microsoft.com/en-us/download'],
];

describe('shell:open-external allowlist', () => {
  it.each(named)('refuses %s', async (_name, url) => {
    const ipc = instrumentedDispatch();
    const result = await ipc.dispatch('shell:open-external', { url });
    expect(result).toMatchObject({ ok: false, error: { code: 'url-not-allowed' } });
    expect(ipc.opened).toEqual([]);
  });

  it('refuses generated schemes, lookalikes, userinfo, ports, backslashes, whitespace, homoglyphs, punycode and %-encoding', async () => {
    const ipc = instrumentedDispatch();
    const runs = 3_000;
    await fc.assert(
      fc.asyncProperty(generatedRefusals, async (url) => {
        ipc.reset();
        const result = await ipc.dispatch('shell:open-external', { url });
        expect(result).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(url-not-allowed|invalid-payload)$/) } });
        expect(ipc.opened).toEqual([]);
      }),
      { numRuns: runs },
    );
    log.passed({
      area: 'IPC',
      tried: `openExternal: ${named.length} named attacks (javascript:, file:, data:, http:, protocol handlers, lookalikes, userinfo, xn-- and homoglyph hosts, backslashes, CR/LF/NUL/whitespace, ports, IPs) + ${runs} generated variants`,
      cases: named.length + runs,
      held: 'every one refused with url-not-allowed; nothing opened',
    });
  });

  it('opens exactly the pages the app links to, passing on the canonical form that was checked', async () => {
    const ipc = instrumentedDispatch();
    for (const url of appPages) {
      ipc.reset();
      expect(await ipc.dispatch('shell:open-external', { url }), url).toEqual({ ok: true, value: { opened: true } });
      expect(ipc.opened).toEqual([new URL(url).href]);
    }
    // Any letter case in the host is the same page.
    ipc.reset();
    expect(await ipc.dispatch('shell:open-external', { url: 'https://MySignIns.Microsoft.com/security-info' })).toEqual({ ok: true, value: { opened: true } });
    expect(ipc.opened).toEqual(['https://mysignins.microsoft.com/security-info']);
    log.passed({
      area: 'IPC',
      tried: `openExternal: every page the app opens (${appPages.length}: guide deep links, Security info, device-login pages per cloud, Learn articles)`,
      cases: appPages.length + 1,
      held: 'each opened once, as the canonical URL that passed the check',
    });
  });

  it.each(pageAttacks)('refuses %s on an allowed host', async (_name, url) => {
    const ipc = instrumentedDispatch();
    expect(await ipc.dispatch('shell:open-external', { url })).toMatchObject({ ok: false, error: { code: 'url-not-allowed' } });
    expect(ipc.opened).toEqual([]);
  });

  it('refuses random paths, queries and fragments on every allowed host unless they are one of the app’s pages', async () => {
    const ipc = instrumentedDispatch();
    const known = new Set(appPages.map((url) => new URL(url).href));
    const runs = 2_000;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(host, path, async (h, p) => {
        ipc.reset();
        const url = `https://${h}${p}`;
        const result = await ipc.dispatch('shell:open-external', { url });
        if (result.ok) {
          // Only documentation pages form an open family; everything else must be a known page.
          const parsed = new URL(url);
          expect(known.has(parsed.href) || (parsed.hostname === 'learn.microsoft.com' && parsed.search === '')).toBe(true);
        } else refused += 1;
      }),
      { numRuns: runs },
    );
    expect(refused).toBeGreaterThan(runs / 2);
    log.passed({
      area: 'IPC',
      tried: `openExternal: ${pageAttacks.length} page-level attacks on allowed hosts (authorize with a foreign client_id, admin consent, logout with post_logout_redirect_uri, other aka.ms links, other admin-center views, queries) + ${runs} random paths/queries/fragments on the ${hosts.length} hosts`,
      cases: pageAttacks.length + runs,
      held: 'refused unless the exact page the app opens (or a plain Learn article); nothing else opened',
    });
  });

  it('honours an extra origin (the demo sandbox) exactly: same scheme, host and port only', async () => {
    const ipc = instrumentedDispatch({ extraExternalOrigins: ['https://127.0.0.1:8443'] });
    expect(await ipc.dispatch('shell:open-external', { url: 'https://127.0.0.1:8443/security-info' })).toEqual({ ok: true, value: { opened: true } });
    for (const url of ['https://127.0.0.1:8443/common/oauth2/v2.0/authorize?client_id=x', 'https://127.0.0.1:8443/security-info?x=1', 'https://127.0.0.1:8444/', 'http://127.0.0.1:8443/', 'https://u@127.0.0.1:8443/', 'https://127.0.0.1:8443\\@evil.example/']) {
      expect(await ipc.dispatch('shell:open-external', { url })).toMatchObject({ ok: false, error: { code: 'url-not-allowed' } });
    }
    expect(ipc.opened).toEqual(['https://127.0.0.1:8443/security-info']);
  });
});
