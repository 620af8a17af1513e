import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import type { Counters, FaultInjector } from '../faults';
import type { Tenant } from '../state/tenant';
import type { TokenIssuer } from '../tokens/claims';
import { decideBasic, decideOAuth, type AuthDecision } from './decide';
import { exchangeReplies, replyError, splitReply } from './replies';

export const smtpHostName = 'SB1PR01CA0001.outlook.office365.com';

type Connection = SMTPServer['connections'] extends Set<infer C> ? C : never;

export type SmtpContext = {
  tenant: Tenant;
  tokens: TokenIssuer;
  counters: Counters;
  faults: FaultInjector;
  latencyMs: () => number;
  tls: { key: string; cert: string };
  /** Every AUTH the server answered (oldest first), for tests: who, how, which token claims. */
  authLog: SmtpAuthLogEntry[];
};

/** One AUTH as the server saw it. The token itself is never kept, only its claims. */
export type SmtpAuthLogEntry = { method: string; username: string; ok: boolean; token: { upn: string; aud: string; scp: string } | null };

function tokenClaims(token: string | undefined): SmtpAuthLogEntry['token'] {
  try {
    const claims = JSON.parse(Buffer.from((token ?? '').split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    return { upn: String(claims.upn ?? ''), aud: String(claims.aud ?? ''), scp: String(claims.scp ?? '') };
  } catch {
    return null;
  }
}

/** EHLO as Exchange Online words it: AUTH only after STARTTLS, never before. */
function ehloLines(connection: Connection): string[] {
  return [
    `${smtpHostName} Hello [${connection.remoteAddress}]`,
    'SIZE 157286400',
    'PIPELINING',
    'DSN',
    'ENHANCEDSTATUSCODES',
    connection.secure ? 'AUTH LOGIN XOAUTH2' : 'STARTTLS',
    '8BITMIME',
    'SMTPUTF8',
  ];
}

/**
 * smtp-server words some replies its own way; this rewrites them to Exchange's and stops it
 * adding a second enhanced status code to replies that already carry Exchange's.
 */
function speakExchange(connection: Connection): void {
  const send = connection.send.bind(connection);
  connection.send = (code, data, context) => {
    if (Array.isArray(data) && code === 250) return send(250, ehloLines(connection), false);
    const text = typeof data === 'string' ? data : '';
    if (code === 220 && text.startsWith(`${smtpHostName} ESMTP`)) {
      return send(220, `${smtpHostName} Microsoft ESMTP MAIL Service ready at ${new Date().toUTCString().replace('GMT', '+0000')}`, false);
    }
    if (code === 221) return send(221, '2.0.0 Service closing transmission channel', false);
    if (code === 220 && text === 'Ready to start TLS') return send(220, splitReply(exchangeReplies.startTlsReady).text, false);
    if ((code === 538 || code === 504 || code === 500) && /STARTTLS command first|Unrecognized authentication type/.test(text)) {
      const reply = splitReply(exchangeReplies.unrecognizedAuth);
      return send(reply.code, reply.text, false);
    }
    if (/^\d\.\d{1,3}\.\d{1,3} /.test(text)) return send(code, text, false);
    return send(code, data, context);
  };
}

export type SandboxSmtpServer = { host: string; port: number; close: () => Promise<void> };

export async function startSmtpServer(ctx: SmtpContext, host: string): Promise<SandboxSmtpServer> {
  const options: SMTPServerOptions = {
    name: smtpHostName,
    key: ctx.tls.key,
    cert: ctx.tls.cert,
    minVersion: 'TLSv1.2',
    authMethods: ['LOGIN', 'XOAUTH2'],
    authOptional: true, // MAIL FROM without AUTH gets Exchange's 530 from onMailFrom below
    hideENHANCEDSTATUSCODES: false,
    disableReverseLookup: true,
    logger: false,
    size: 157286400,
    onConnect(_session, callback) {
      ctx.counters.smtpConnections += 1;
      setTimeout(() => callback(), ctx.faults.smtpGreetingDelayMs);
    },
    onAuth(auth, session, callback) {
      ctx.counters.smtpAuthAttempts += 1;
      if (ctx.faults.smtpDropMidAuth) {
        [...server.connections].find((connection) => connection.id === session.id)?._socket.destroy();
        return;
      }
      const decision: Promise<AuthDecision> =
        auth.method === 'XOAUTH2'
          ? decideOAuth(ctx.tenant, ctx.tokens, auth.username ?? '', auth.accessToken ?? '')
          : Promise.resolve(decideBasic(ctx.tenant, auth.username ?? '', auth.password ?? ''));
      void decision.then((result) => {
        ctx.authLog.push({
          method: auth.method,
          username: auth.username ?? '',
          ok: result.ok,
          token: auth.method === 'XOAUTH2' ? tokenClaims(auth.accessToken) : null,
        });
        setTimeout(() => {
          if (result.ok) callback(null, { user: result.user.upn });
          else callback(replyError(result.reply));
        }, ctx.latencyMs());
      });
    },
    onMailFrom(address, session, callback) {
      if (!session.user) return callback(replyError('notAuthenticated'));
      if (address.address.toLowerCase() !== String(session.user).toLowerCase()) return callback(replyError('sendAsDenied'));
      callback();
    },
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        ctx.counters.smtpMessages += 1;
        const id = randomUUID();
        callback(null, `2.6.0 <${id}@${smtpHostName}> [InternalId=${Date.now()}, Hostname=${smtpHostName}] Queued mail for delivery`);
      });
    },
  };
  const server = new SMTPServer(options);
  const add = server.connections.add.bind(server.connections);
  server.connections.add = (connection) => {
    speakExchange(connection);
    return add(connection);
  };
  server.on('error', () => undefined); // client resets are part of the tests, not server failures
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return { host, port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
