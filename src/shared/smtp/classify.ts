import { adviceFor, type Advice, type SmtpServerUsed } from './advice';
import type { SmtpCause, SmtpMethod, SmtpStage } from './result';

/**
 * Everything the SMTP client observed about one test login, in plain data, so the classifier
 * is a pure function the app, the CLI and the tests share.
 */
export type SmtpOutcome = {
  method: SmtpMethod;
  /** True only when the server answered AUTH with a 2xx reply. */
  authenticated: boolean;
  /** The stage the login had reached when it ended. */
  stage: SmtpStage;
  /** nodemailer's error code: EAUTH, ETLS, ETIMEDOUT, ECONNECTION, ESOCKET, EDNS, EPROTOCOL... */
  errorCode?: string | undefined;
  /** The system or TLS code under it: ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED... */
  systemCode?: string | undefined;
  /** The server's last reply, if the failure came with one. */
  reply?: string | null | undefined;
  /** The error's message (TLS and socket failures are only described there). */
  message?: string | undefined;
  /** Where the login went; advice names it. Microsoft's smtp.office365.com:587 when absent. */
  server?: SmtpServerUsed | undefined;
  /** Whether the server's first EHLO listed STARTTLS (undefined: no EHLO was seen). */
  startTlsOffered?: boolean | undefined;
  /** The server agreed to STARTTLS, then the TLS handshake failed or the connection dropped in it. */
  tlsHandshakeFailed?: boolean | undefined;
  /** Set when the server offered no mechanism this method can use; AUTH was then never sent. */
  offeredMechanisms?: string[] | undefined;
};

export type SmtpClassification = Advice & { cause: SmtpCause };

/** Lower case, one space between words, no trailing period: replies vary in all of these. */
const squash = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

type ReplyRule = { test: (reply: string, method: SmtpMethod) => boolean; cause: (method: SmtpMethod) => SmtpCause };

const has = (fragment: string) => (reply: string) => reply.includes(fragment);
const fixed = (cause: SmtpCause) => () => cause;

/**
 * Exchange Online's replies, most specific first. Matching is on the stable part of the text
 * (the part after the enhanced status code), so a different server name, trailing text or
 * casing still lands on the same cause. The replies, verbatim, are in sandbox/smtp/replies.ts;
 * Microsoft's list: https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission
 */
const replyRules: ReplyRule[] = [
  { test: (r) => /smtpclientauthentication is disabled for the tenant/.test(r), cause: fixed('smtp-auth-disabled-tenant') },
  { test: (r) => /smtpclientauthentication is disabled for the (mailbox|user)/.test(r), cause: fixed('smtp-auth-disabled-mailbox') },
  // Checked before "basic authentication is disabled": the 5.7.30 retirement text is a different fact.
  { test: (r) => /\b5\.7\.30\b/.test(r) || has('basic authentication is not supported')(r), cause: fixed('basic-auth-retired') },
  { test: has('basic authentication is disabled'), cause: fixed('basic-auth-disabled') },
  { test: has('security defaults'), cause: fixed('security-defaults') },
  { test: has('did not meet the criteria to be authenticated'), cause: fixed('conditional-access') },
  {
    test: (r) => has('credentials were incorrect')(r) || has('invalid credentials')(r),
    // With a token there is no password to mistype: the token itself was refused.
    cause: (method) => (method === 'oauth' ? 'oauth-token-rejected' : 'bad-credentials'),
  },
  {
    test: (r) => /^504\b/.test(r) || /\b5\.7\.4\b/.test(r) || has('unrecognized authentication type')(r) || has('mechanism not supported')(r),
    cause: fixed('mechanism-unsupported'),
  },
  { test: (r) => /^538\b/.test(r) || has('must issue a starttls command first')(r), cause: fixed('starttls-unavailable') },
  // The generic 535 5.7.3 (and any other 535): a refused token for OAuth, refused credentials for Basic.
  {
    test: (r) => /^535\b/.test(r) || /\b5\.7\.(3|8|139)\b/.test(r) || has('authentication unsuccessful')(r) || has('authentication failed')(r),
    cause: (method) => (method === 'oauth' ? 'oauth-token-rejected' : 'bad-credentials'),
  },
  // 421: the server is closing the session (throttling, shutdown), whatever stage we were in.
  { test: (r) => /^421\b/.test(r), cause: fixed('connection-lost') },
];

/** Replies about sending (MAIL FROM, DATA): a login test never gets them, but they are explained if seen. */
const sendingReplies: { test: (reply: string) => boolean; advice: string }[] = [
  {
    test: (r) => /\b5\.7\.57\b/.test(r) || has('client not authenticated to send mail')(r),
    advice: 'The server says the session was not signed in when mail was offered: the sign-in did not succeed. Run the test login again and read its result.',
  },
  {
    test: (r) => /\b5\.7\.60\b/.test(r) || has('sendasdenied')(r) || /\b5\.2\.252\b/.test(r) || has('send as this sender')(r),
    advice: 'Signing in worked, but the sender address differs from the signed-in account and it has no "Send As" permission. Send from the signed-in address, or ask an admin for Send As.',
  },
  {
    test: (r) => /\b5\.1\.8\b/.test(r) || has('bad outbound sender')(r),
    advice: 'Microsoft has restricted this mailbox from sending (often after a suspected compromise). An admin must release it in the Microsoft 365 Defender portal (Restricted entities).',
  },
];

/** The cause a single server reply stands for, or null when it is not one we know. */
export function classifyReply(reply: string, method: SmtpMethod): SmtpCause | null {
  const normalized = squash(reply);
  for (const rule of replyRules) {
    if (rule.test(normalized, method)) return rule.cause(method);
  }
  return null;
}

const certificateProblem =
  /certificate|self[- ]signed|unable to verify|unable to get (local )?issuer|altnames|hostname\/ip does not match|CERT_|ERR_TLS_CERT|DEPTH_ZERO|UNABLE_TO_/i;
const protocolVersionProblem = /protocol version|unsupported protocol|no protocols available|wrong version number|version too low|ERR_SSL_/i;

const systemCauses: ReadonlyMap<string, SmtpCause> = new Map(Object.entries({
  ECONNREFUSED: 'connection-refused',
  EHOSTUNREACH: 'connection-refused',
  ENETUNREACH: 'connection-refused',
  EADDRNOTAVAIL: 'connection-refused',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_FAIL: 'dns',
  EAI_NONAME: 'dns',
  ENODATA: 'dns',
  ESERVFAIL: 'dns',
  ETIMEDOUT: 'timeout',
  ECONNRESET: 'connection-lost',
  EPIPE: 'connection-lost',
  ECONNABORTED: 'connection-lost',
} satisfies Record<string, SmtpCause>));

function classifyTls(outcome: SmtpOutcome): { cause: SmtpCause; detail?: string } {
  const text = `${outcome.systemCode ?? ''} ${outcome.message ?? ''}`;
  if (certificateProblem.test(text)) {
    if (/expired|CERT_HAS_EXPIRED/i.test(text)) return { cause: 'tls-untrusted', detail: "The server's certificate has expired." };
    if (/altnames|hostname\/ip does not match|ERR_TLS_CERT_ALTNAME/i.test(text)) {
      return { cause: 'tls-untrusted', detail: "The server's certificate was issued for a different name." };
    }
    return { cause: 'tls-untrusted', detail: "The server's certificate is not signed by an authority this computer trusts." };
  }
  if (protocolVersionProblem.test(text)) {
    return { cause: 'starttls-unavailable', detail: 'The server offers only TLS versions older than 1.2.' };
  }
  if (outcome.startTlsOffered === false) {
    return { cause: 'starttls-unavailable', detail: 'The server does not offer STARTTLS (its EHLO reply does not list it).' };
  }
  if (outcome.tlsHandshakeFailed) {
    return { cause: 'starttls-unavailable', detail: 'The server accepted STARTTLS, then dropped the connection during the TLS handshake.' };
  }
  if (outcome.reply) return { cause: 'starttls-unavailable', detail: 'The server offers STARTTLS but refused it.' };
  return { cause: 'starttls-unavailable' };
}

function causeOf(outcome: SmtpOutcome): { cause: SmtpCause; detail?: string } {
  if (outcome.authenticated) return { cause: 'ok' };
  if (outcome.offeredMechanisms) {
    const offered = outcome.offeredMechanisms.length > 0 ? `It offers: ${outcome.offeredMechanisms.join(', ')}.` : 'It offers no sign-in at all.';
    return { cause: 'mechanism-unsupported', detail: offered };
  }
  // A Map, not an object lookup: a code such as "toString" must not reach the prototype.
  const system = outcome.systemCode ? systemCauses.get(outcome.systemCode) : undefined;
  switch (outcome.errorCode) {
    case 'ETIMEDOUT':
      return { cause: 'timeout' };
    case 'EDNS':
      return { cause: 'dns' };
    case 'ETLS':
      return classifyTls(outcome);
    case 'ESOCKET':
    case 'ECONNECTION': {
      // A TLS handshake failure (certificate, protocol version) can also surface as a socket error.
      const text = `${outcome.systemCode ?? ''} ${outcome.message ?? ''}`;
      if (
        outcome.tlsHandshakeFailed ||
        certificateProblem.test(text) ||
        protocolVersionProblem.test(text) ||
        /\bSSL routines\b|ERR_SSL|ERR_TLS/.test(text)
      ) {
        return classifyTls(outcome);
      }
      if (system) return { cause: system };
      // requireTLS over a server that cannot even EHLO: encryption was never possible.
      if (/EHLO failed but HELO does not support required STARTTLS/i.test(outcome.message ?? '')) {
        return { cause: 'starttls-unavailable' };
      }
      if (outcome.reply) {
        const replyCause = classifyReply(outcome.reply, outcome.method);
        if (replyCause) return { cause: replyCause };
      }
      return { cause: 'connection-lost' };
    }
    default:
      break;
  }
  if (system) return { cause: system };
  if (outcome.reply) {
    const replyCause = classifyReply(outcome.reply, outcome.method);
    if (replyCause) return { cause: replyCause };
  }
  return { cause: 'unknown' };
}

/** Maps any outcome of a test login to its cause, the advice to show, and the guide that helps. */
export function classifySmtpOutcome(outcome: SmtpOutcome): SmtpClassification {
  const { cause, detail } = causeOf(outcome);
  const base = adviceFor(cause, outcome.method, outcome.server);
  if (cause === 'unknown' && outcome.reply) {
    const sending = sendingReplies.find((entry) => entry.test(squash(outcome.reply ?? '')));
    if (sending) return { cause, advice: sending.advice };
  }
  if (!detail) return { cause, ...base };
  // What the server offers completes the sentence about what it lacks; other details lead.
  return { cause, ...base, advice: cause === 'mechanism-unsupported' ? `${base.advice} ${detail}` : `${detail} ${base.advice}` };
}
