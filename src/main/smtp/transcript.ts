import { format } from 'node:util';
import { displaySafeLine } from '../../shared/text/display-safe';
import type { Redactor } from './redact';

/**
 * Builds a swaks-style transcript from nodemailer's logger: `->`/`<-` before TLS, `~>`/`<~`
 * after it, `===` for what happened on the connection, `***` for errors. Credential lines are
 * replaced while they are recorded, and every line also passes the redactor: nothing secret is
 * ever stored, not even briefly. Lines are made display-safe first (a server's escape sequences
 * and bidi overrides never reach a terminal or the app), then redacted.
 */
type LogEntry = { tnx?: string; remoteAddress?: string } & Record<string, unknown>;
type LogMethod = (entry: LogEntry | undefined, message?: string, ...args: unknown[]) => void;
export type TranscriptLogger = Record<'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal', LogMethod>;

export type TranscriptRecorder = {
  logger: TranscriptLogger;
  note(text: string): void;
  error(text: string): void;
  lines(): string[];
  /** The client's commands in order (already redacted), to tell which stage was reached. */
  onClientLine(listener: (line: string) => void): void;
  /** Each line the server sent, as received, to follow the STARTTLS exchange. */
  onServerLine(listener: (line: string) => void): void;
};

export function createTranscriptRecorder(options: {
  isSecure: () => boolean;
  redact: Redactor;
  /** Protocol, cipher and peer of the TLS session, for the line that marks where TLS starts. */
  describeTls: () => string;
}): TranscriptRecorder {
  const lines: string[] = [];
  const clientListeners: ((line: string) => void)[] = [];
  const serverListeners: ((line: string) => void)[] = [];
  // SASL exchange state: which mechanism runs, and what the server last asked for.
  let saslMechanism: string | null = null;
  let lastChallenge = '';

  const push = (line: string) => lines.push(options.redact(displaySafeLine(line)));

  const clientLine = (raw: string): string => {
    const auth = /^AUTH\s+(\S+)(\s+\S.*)?$/i.exec(raw);
    if (auth) {
      saslMechanism = (auth[1] ?? '').toUpperCase();
      lastChallenge = '';
      return auth[2] ? `AUTH ${saslMechanism} ${secretPlaceholderFor(saslMechanism)}` : `AUTH ${saslMechanism}`;
    }
    if (saslMechanism !== null) {
      // AUTH LOGIN's first answer is the user name, which swaks shows too; anything else is the secret.
      if (saslMechanism === 'LOGIN' && /^user/i.test(lastChallenge)) return raw;
      return raw === '' ? '' : secretPlaceholderFor(saslMechanism);
    }
    return raw;
  };

  const serverLine = (raw: string) => {
    if (saslMechanism !== null) {
      if (/^334[ -]/.test(raw)) {
        lastChallenge = Buffer.from(raw.slice(4).trim(), 'base64').toString('latin1');
      } else {
        saslMechanism = null;
      }
    }
  };

  const log =
    (level: string): LogMethod =>
    (entry, message = '', ...args) => {
      const text = format(message, ...args).replace(/\r?\n$/, '');
      const secure = options.isSecure();
      switch (entry?.tnx) {
        case 'client': {
          const line = clientLine(text);
          push(`${secure ? '~>' : '->'} ${line}`);
          const recorded = lines[lines.length - 1] ?? '';
          clientListeners.forEach((listener) => listener(recorded));
          return;
        }
        case 'server':
          for (const part of text.split(/\r?\n/)) {
            serverLine(part);
            serverListeners.forEach((listener) => listener(part));
            push(`${secure ? '<~' : '<-'} ${part}`);
          }
          return;
        case 'network':
          if (/established to/.test(text)) push(`=== Connected to ${entry.remoteAddress ?? 'the server'}.`);
          else if (text === 'Connection closed') push('=== Connection closed.');
          return;
        default:
          // Other entries (errors included) are left out: the service records its own error line.
          if (level === 'info' && /Connection upgraded with STARTTLS/.test(text)) push(`=== TLS started: ${options.describeTls()}`);
      }
    };

  return {
    logger: {
      trace: log('trace'),
      debug: log('debug'),
      info: log('info'),
      warn: log('warn'),
      error: log('error'),
      fatal: log('fatal'),
    },
    note: (text) => push(`=== ${text}`),
    error: (text) => text.trim().split(/\r?\n/).forEach((part) => push(`*** ${part}`)),
    lines: () => [...lines],
    onClientLine: (listener) => clientListeners.push(listener),
    onServerLine: (listener) => serverListeners.push(listener),
  };
}

function secretPlaceholderFor(mechanism: string): string {
  return mechanism === 'XOAUTH2' ? '[XOAUTH2 token hidden]' : '[credentials hidden]';
}
