import type { Socket } from 'node:net';
import type { SecureContext } from 'node:tls';
import type { Duplex } from 'node:stream';
import type { SmtpLoginResult } from './bridge-login';
import { LineReader, LineTooLongError } from './line-reader';
import { upgradeToTls } from './local-tls';
import { relay } from './relay';
import { decodeBase64Text, parsePlain } from './sasl';

export type SmtpSessionDeps = {
  secureContext: SecureContext;
  login: (user: string, password: string) => Promise<SmtpLoginResult>;
  /** Called when the relay starts and ends (session accounting). */
  relayed: (upn: string) => () => void;
};

const maxAuthFailures = 3;
const idleMs = 5 * 60 * 1000;

/**
 * The tool's side of SMTP submission until it has logged in: EHLO, STARTTLS, AUTH LOGIN /
 * PLAIN; MAIL, RCPT and DATA are refused until then (no anonymous use, no open relay). After
 * a good login the upstream session is already authenticated, so the tool's next command
 * (MAIL FROM) continues there and the bytes are relayed as they are.
 */
export async function runSmtpSession(socket: Socket, deps: SmtpSessionDeps): Promise<void> {
  let stream: Duplex = socket;
  let reader = new LineReader(stream);
  let secure = false;
  let greeted = false;
  let failures = 0;
  socket.setTimeout(idleMs, () => socket.destroy());
  const send = (...lines: string[]) => {
    stream.write(lines.map((line) => `${line}\r\n`).join(''));
  };
  const ask = async (challenge: string) => {
    send(`334 ${challenge}`);
    return reader.line();
  };

  send('220 127.0.0.1 m365-connect bridge ESMTP ready');
  try {
    for (;;) {
      const line = await reader.line();
      const [verb = '', ...args] = line.trim().split(/\s+/);
      switch (verb.toUpperCase()) {
        case 'EHLO':
          greeted = true;
          send(
            '250-127.0.0.1 m365-connect bridge',
            '250-SIZE 157286400',
            '250-8BITMIME',
            '250-ENHANCEDSTATUSCODES',
            ...(secure ? [] : ['250-STARTTLS']),
            '250 AUTH LOGIN PLAIN',
          );
          break;
        case 'HELO':
          greeted = true;
          send('250 127.0.0.1 m365-connect bridge');
          break;
        case 'STARTTLS':
          if (secure) {
            send('503 5.5.1 TLS is already active');
            break;
          }
          send('220 2.0.0 Ready to start TLS');
          // Whatever came in clear after STARTTLS must not be read as if it were encrypted.
          reader.detach();
          stream = await upgradeToTls(socket, deps.secureContext);
          reader = new LineReader(stream);
          secure = true;
          greeted = false;
          break;
        case 'AUTH': {
          if (!greeted) {
            send('503 5.5.1 Send EHLO first');
            break;
          }
          const credentials = await readCredentials(args, ask);
          if ('reply' in credentials) {
            send(credentials.reply);
            break;
          }
          const result = await deps.login(credentials.user, credentials.password);
          if (!result.ok) {
            send(result.temporary ? `454 4.7.0 ${result.message}` : `535 5.7.8 ${result.message}`);
            failures += 1;
            if (failures >= maxAuthFailures) {
              send('421 4.7.0 Too many failed logins, closing connection');
              stream.end();
              return;
            }
            break;
          }
          send('235 2.7.0 Authentication successful');
          const early = reader.detach();
          socket.setTimeout(0);
          const ended = deps.relayed(result.upn);
          try {
            await relay(stream, result.upstream, early);
          } finally {
            ended();
          }
          return;
        }
        case 'MAIL':
        case 'RCPT':
        case 'DATA':
        case 'BDAT':
          send('530 5.7.0 Authentication required');
          break;
        case 'RSET':
        case 'NOOP':
          send('250 2.0.0 OK');
          break;
        case 'QUIT':
          send('221 2.0.0 Bye');
          stream.end();
          return;
        default:
          send('502 5.5.2 Command not recognized');
      }
    }
  } catch (error) {
    if (error instanceof LineTooLongError) send('500 5.5.2 Line too long');
    stream.destroy();
  }
}

type Credentials = { user: string; password: string } | { reply: string };

async function readCredentials(args: string[], ask: (challenge: string) => Promise<string>): Promise<Credentials> {
  const mechanism = (args[0] ?? '').toUpperCase();
  const cancelled = { reply: '501 5.7.0 Authentication cancelled' };
  const undecodable = { reply: '501 5.5.2 Cannot decode the response' };
  if (mechanism === 'PLAIN') {
    const response = args[1] ?? (await ask(''));
    if (response === '*') return cancelled;
    const plain = parsePlain(response);
    return plain ?? undecodable;
  }
  if (mechanism === 'LOGIN') {
    const userB64 = args[1] ?? (await ask(Buffer.from('Username:').toString('base64')));
    if (userB64 === '*') return cancelled;
    const user = decodeBase64Text(userB64);
    if (user === null) return undecodable;
    const passwordB64 = await ask(Buffer.from('Password:').toString('base64'));
    if (passwordB64 === '*') return cancelled;
    const password = decodeBase64Text(passwordB64);
    if (password === null) return undecodable;
    return { user, password };
  }
  return { reply: '504 5.7.4 Unrecognized authentication type (use LOGIN or PLAIN)' };
}
