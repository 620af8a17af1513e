import { startSandbox } from '../index';
import { Agent, fetch as undiciFetch } from 'undici';
import { PublicClientApplication, type INetworkModule } from '@azure/msal-node';
import { Client } from '@microsoft/microsoft-graph-client';
import nodemailer from 'nodemailer';

const sb = await startSandbox({ scenario: process.argv[2] ?? 'ready-user', deviceCodeIntervalSeconds: 1 });
const dispatcher = new Agent({ connect: { ca: sb.caPem } });
const networkClient: INetworkModule = {
  async sendGetRequestAsync(url, options) { const r = await undiciFetch(url, { headers: options?.headers ?? {}, dispatcher }); return { status: r.status, headers: Object.fromEntries(r.headers), body: await r.json() as any }; },
  async sendPostRequestAsync(url, options) { const r = await undiciFetch(url, { method: 'POST', headers: options?.headers ?? {}, body: options?.body ?? '', dispatcher }); return { status: r.status, headers: Object.fromEntries(r.headers), body: await r.json() as any }; },
};
const pca = new PublicClientApplication({ auth: { clientId: sb.clientId, authority: sb.authority, knownAuthorities: [new URL(sb.authorityHost).host] }, system: { networkClient } });
const user = sb.scenario.users[0]!;
const result = await pca.acquireTokenByDeviceCode({
  scopes: ['User.Read', 'UserAuthenticationMethod.Read', 'Policy.Read.All', 'AuditLog.Read.All'],
  deviceCodeCallback: (r) => { console.log('DC', r.message); setTimeout(() => sb.approveDeviceCode(r.userCode, user.upn), 200); },
});
console.log('account', result.account?.homeAccountId, result.account?.username, 'scopes', result.scopes, 'idclaims amr', (result.idTokenClaims as any).amr);
const smtpTok = await pca.acquireTokenSilent({ account: result.account!, scopes: ['https://outlook.office.com/SMTP.Send'] });
console.log('smtp token scopes', smtpTok.scopes, 'tokenRequests', sb.counters.tokenRequests);
const client = Client.init({ baseUrl: sb.graphBaseUrl, customHosts: new Set(['127.0.0.1']), fetchOptions: { dispatcher } as any, authProvider: (done) => done(null, result.accessToken) });
console.log(await client.api('/me').get());
console.log(JSON.stringify(await client.api('/me/authentication/methods').get()).slice(0, 200));
console.log(await client.api('/me/authentication/requirements').version('beta').get());
console.log(await client.api('/policies/identitySecurityDefaultsEnforcementPolicy').get());
const rep = await client.api('/reports/authenticationMethods/userRegistrationDetails').top(3).get();
console.log(rep.value.length, rep['@odata.nextLink']);
const rep2 = await client.api(rep['@odata.nextLink']).get();
console.log(rep2.value[0]);
sb.resetCounters();
const b = await client.api('/$batch').post({ requests: [{ id: '1', method: 'GET', url: '/me' }, { id: '2', method: 'GET', url: '/identity/conditionalAccess/policies' }] });
console.log(JSON.stringify(b).slice(0, 300), sb.counters.graphRequests);
const secret = sb.createAppPassword(user.upn, 'backup tool');
for (const [label, auth] of [['app', { user: user.upn, pass: secret }], ['wrong', { user: user.upn, pass: 'nopenopenopenope' }], ['oauth', { type: 'OAuth2', user: user.upn, accessToken: smtpTok.accessToken }]] as const) {
  const t = nodemailer.createTransport({ host: sb.smtp.host, port: sb.smtp.port, secure: false, requireTLS: true, tls: { ca: sb.caPem }, auth: auth as any, logger: false });
  try { await t.verify(); console.log(label, 'OK'); } catch (e: any) { console.log(label, e.code, e.response); }
}
await sb.stop();
