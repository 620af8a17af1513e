import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { allowedExternalHosts } from '../../src/main/security/external-url';
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

  it('opens allowlisted https URLs, passing on the canonical form that was checked', async () => {
    const ipc = instrumentedDispatch();
    const runs = 1_000;
    await fc.assert(
      fc.asyncProperty(host, path, fc.boolean(), async (h, p, upper) => {
        ipc.reset();
        const url = `https://${upper ? h.toUpperCase() : h}${p}`;
        expect(await ipc.dispatch('shell:open-external', { url })).toEqual({ ok: true, value: { opened: true } });
        expect(ipc.opened).toEqual([new URL(url).href]);
      }),
      { numRuns: runs },
    );
    log.passed({
      area: 'IPC',
      tried: `openExternal: random paths, queries and fragments on each of the ${hosts.length} allowlisted hosts (any letter case)`,
      cases: runs,
      held: 'each opened once, as the canonical URL that passed the check',
    });
  });

  it('honours an extra origin (the demo sandbox) exactly: same scheme, host and port only', async () => {
    const ipc = instrumentedDispatch({ extraExternalOrigins: ['https://127.0.0.1:8443'] });
    expect(await ipc.dispatch('shell:open-external', { url: 'https://127.0.0.1:8443/security-info' })).toEqual({ ok: true, value: { opened: true } });
    for (const url of ['https://127.0.0.1:8444/', 'http://127.0.0.1:8443/', 'https://u@127.0.0.1:8443/', 'https://127.0.0.1:8443\\@evil.example/']) {
      expect(await ipc.dispatch('shell:open-external', { url })).toMatchObject({ ok: false, error: { code: 'url-not-allowed' } });
    }
    expect(ipc.opened).toEqual(['https://127.0.0.1:8443/security-info']);
  });
});
