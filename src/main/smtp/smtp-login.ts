import type { SecureContext, TLSSocket } from 'node:tls';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { SmtpOutcome } from '../../shared/smtp/classify';
import { displaySafeLine } from '../../shared/text/display-safe';
import type { SmtpMethod, SmtpStage } from '../../shared/smtp/result';
import type { Preconnected, Preconnection } from './preconnect';
import type { SmtpTimeouts } from './timeouts';
import { createRedactor, type Redactor } from './redact';
import { createTranscriptRecorder } from './transcript';

export type SmtpLoginRequest = {
  host: string;
  port: number;
  /** Built once per service from the trusted CAs and TLS 1.2+: parsing the CA bundle per login is slow. */
  secureContext: SecureContext;
  timeouts: SmtpTimeouts;
  upn: string;
  method: SmtpMethod;
  secret: string;
  onStage?: (stage: SmtpStage, detail: string) => void;
  /** A connection opened ahead of the login (preconnect.ts); without one nodemailer connects. */
  preconnection?: Preconnection;
};

export type SmtpLoginRecord = {
  outcome: SmtpOutcome;
  /** The server's final reply line, redacted; null when none came. */
  reply: string | null;
  transcript: string[];
  redact: Redactor;
};

type NodemailerError = Error & { code?: string; originalCode?: string; response?: string };

/** nodemailer's parsed view of the EHLO replies (not in its typings). */
type ConnectionInternals = { _supportedAuth?: string[]; _plaintextEhlo?: string };

/** The SASL mechanism for a method, from what the server offers after STARTTLS; null when none fits. */
export function chooseMechanism(method: SmtpMethod, offered: readonly string[]): 'LOGIN' | 'PLAIN' | 'XOAUTH2' | null {
  if (method === 'oauth') return offered.includes('XOAUTH2') ? 'XOAUTH2' : null;
  if (offered.includes('LOGIN')) return 'LOGIN';
  return offered.includes('PLAIN') ? 'PLAIN' : null;
}

/** Grace for the QUIT exchange after AUTH: the result is known, this only completes the transcript. */
const quitGraceMs = 2_000;

/**
 * One test login: connect, EHLO, STARTTLS (required), EHLO, AUTH, QUIT. No mail is sent.
 * nodemailer's requireTLS refuses to go on without STARTTLS; the check before login() is a
 * second lock on the same door, because a credential sent in clear cannot be taken back.
 */
export async function runSmtpLogin(request: SmtpLoginRequest): Promise<SmtpLoginRecord> {
  request.onStage?.('connect', `Connecting to ${request.host}:${request.port}`);
  const preconnected = request.preconnection ? await request.preconnection.take() : null;
  return login(request, preconnected);
}

function login(request: SmtpLoginRequest, preconnected: Preconnected): Promise<SmtpLoginRecord> {
  const redact = createRedactor([request.secret]);
  let connection: SMTPConnection | null = null;
  const currentSocket = () => (connection?._socket || null) as TLSSocket | null;
  const recorder = createTranscriptRecorder({
    isSecure: () => connection?.secure === true,
    redact,
    describeTls: () => describeTls(currentSocket()),
  });

  let stage: SmtpStage = 'connect';
  const enter = (next: SmtpStage, detail: string) => {
    stage = next;
    request.onStage?.(next, detail);
  };
  // Follows STARTTLS: was it offered, did the server say go ahead (220), so a failure after
  // that is a failed handshake rather than a lost connection.
  let startTlsOffered: boolean | undefined;
  let awaitingStartTlsReply = false;
  let handshakeStarted = false;
  recorder.onClientLine((line) => {
    if (/STARTTLS$/.test(line) && stage === 'connect') {
      const ehlo = (connection as unknown as ConnectionInternals | null)?._plaintextEhlo;
      if (typeof ehlo === 'string') startTlsOffered = /[ -]STARTTLS\b/im.test(ehlo);
      awaitingStartTlsReply = true;
      enter('tls', 'Starting TLS (STARTTLS)');
    }
  });
  recorder.onServerLine((line) => {
    if (!awaitingStartTlsReply) return;
    awaitingStartTlsReply = false;
    handshakeStarted = /^220[ -]/.test(line);
  });

  return new Promise((resolve) => {
    let settled = false;
    let authenticated = false;
    let lastReply: string | null = null;
    let failure: NodemailerError | null = null;
    let tlsHandshakeFailed = false;
    let offeredMechanisms: string[] | undefined;

    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(guard);
      connection?.close();
      // Display-safe before redaction: no escape sequence can split a secret to slip it past.
      const reply = lastReply === null ? null : redact(displaySafeLine(lastLine(lastReply)));
      const outcome: SmtpOutcome = {
        method: request.method,
        authenticated,
        stage: authenticated ? 'done' : stage,
        errorCode: failure?.code,
        systemCode: failure?.originalCode,
        reply,
        message: failure ? redact(displaySafeLine(failure.message)) : undefined,
        server: { host: request.host, port: request.port },
        startTlsOffered,
        tlsHandshakeFailed,
        offeredMechanisms,
      };
      resolve({ outcome, reply, transcript: recorder.lines(), redact });
    };

    const fail = (error: NodemailerError) => {
      if (failure === null) {
        failure = error;
        tlsHandshakeFailed = handshakeStarted && connection?.secure !== true;
        if (error.response) lastReply = error.response;
        recorder.error(error.message);
      }
    };

    // Ends the session politely and waits briefly for the server's 221, then reports.
    const quitThenFinish = () => {
      const conn = connection;
      if (!conn || conn.destroyed) return finish();
      conn.once('end', finish);
      setTimeout(finish, quitGraceMs).unref();
      conn.quit();
    };

    // Whatever happens inside nodemailer, the caller gets an answer after this long.
    const overallMs = request.timeouts.connect + 2 * request.timeouts.greeting + 2 * request.timeouts.socket;
    const guard = setTimeout(() => {
      fail(Object.assign(new Error('The test login took too long'), { code: 'ETIMEDOUT' }));
      finish();
    }, overallMs);

    recorder.note(`Trying ${request.host}:${request.port}...`);
    if (preconnected === 'timed-out') {
      // What nodemailer reports when its own connect runs out of time.
      fail(Object.assign(new Error('Connection timeout'), { code: 'ETIMEDOUT' }));
      return finish();
    }

    const conn = new SMTPConnection({
      host: request.host,
      port: request.port,
      secure: false,
      requireTLS: true,
      connectionTimeout: request.timeouts.connect,
      greetingTimeout: request.timeouts.greeting,
      socketTimeout: request.timeouts.socket,
      dnsTimeout: request.timeouts.connect,
      socketCloseTimeout: 0,
      tls: { secureContext: request.secureContext, minVersion: 'TLSv1.2', rejectUnauthorized: true },
      logger: recorder.logger,
      debug: true,
      transactionLog: true,
      customAuth: { [xoauth2HandlerName]: xoauth2Handler },
      ...(preconnected ? { connection: preconnected } : {}),
    });
    connection = conn;

    conn.on('error', (error: NodemailerError) => {
      fail(error);
      finish();
    });
    conn.on('end', () => {
      if (!settled && failure === null && !authenticated) {
        fail(Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION' }));
      }
      finish();
    });

    conn.connect((connectError) => {
      if (connectError) {
        fail(connectError as NodemailerError);
        return finish();
      }
      if (!conn.secure) {
        fail(Object.assign(new Error('The connection is not encrypted; credentials were not sent'), { code: 'ETLS' }));
        return quitThenFinish();
      }
      // Chosen from what the server offers over TLS: asking for a mechanism it lacks would read
      // as refused credentials.
      const offered = (conn as unknown as ConnectionInternals)._supportedAuth ?? [];
      const mechanism = chooseMechanism(request.method, offered);
      if (mechanism === null) {
        enter('auth', 'No sign-in mechanism offered that fits this route');
        offeredMechanisms = [...offered];
        fail(Object.assign(new Error('The server offers no sign-in mechanism this test can use; nothing was sent'), { code: 'EAUTH' }));
        return quitThenFinish();
      }
      enter('auth', `Signing in with ${mechanism === 'XOAUTH2' ? 'XOAUTH2' : `AUTH ${mechanism}`}`);
      conn.login(
        { user: request.upn, pass: request.secret, method: mechanism === 'XOAUTH2' ? xoauth2HandlerName : mechanism },
        (loginError) => {
          if (loginError) {
            fail(loginError as NodemailerError);
          } else {
            authenticated = true;
            lastReply = conn.lastServerResponse || null;
            enter('done', 'Signed in');
          }
          quitThenFinish();
        },
      );
    });
  });
}

/**
 * Registered under its own name: asked for 'XOAUTH2' without a token generator, nodemailer 10
 * silently falls back to the server's first mechanism (AUTH LOGIN, with the token as password).
 */
const xoauth2HandlerName = 'M365-XOAUTH2';

/**
 * XOAUTH2 as Exchange speaks it: one AUTH line with the bearer blob; on failure the server sends
 * a 334 with error details, the client answers with an empty line and gets the final 5xx.
 * Done here rather than with nodemailer's token generator, which would try to refresh the token.
 */
const xoauth2Handler = async (ctx: Parameters<NonNullable<SMTPConnection['options']['customAuth']>[string]>[0]) => {
  const { user, pass } = ctx.auth.credentials;
  const blob = Buffer.from(`user=${user}\x01auth=Bearer ${pass}\x01\x01`, 'utf8').toString('base64');
  let reply = await ctx.sendCommand(`AUTH XOAUTH2 ${blob}`);
  if (reply.status === 334) reply = await ctx.sendCommand('');
  if (reply.status >= 200 && reply.status < 300) return;
  throw new Error('Invalid login');
};

function lastLine(reply: string): string {
  const parts = reply.split(/\r?\n/).filter((part) => part.trim() !== '');
  return parts[parts.length - 1] ?? reply;
}

function describeTls(socket: TLSSocket | null): string {
  if (!socket || typeof socket.getProtocol !== 'function') return 'encrypted';
  const cipher = socket.getCipher();
  const peer = socket.getPeerCertificate();
  const subject = peer && typeof peer === 'object' && 'subject' in peer ? peer.subject?.CN : undefined;
  return [socket.getProtocol(), cipher?.name, subject ? `peer CN=${subject}` : null].filter(Boolean).join(', ');
}
