import type { Socket } from 'node:net';
import type { SmtpLoginResult } from './bridge-login';
import { LineTooLongError } from './line-reader';
import { LocalConnection, maxAuthFailuresPerConnection, type LocalSessionDeps } from './local-connection';
import { decodeBase64Text, parsePlain } from './sasl';

export type SmtpSessionDeps = LocalSessionDeps<SmtpLoginResult>;

/**
 * The tool's side of SMTP submission until it has logged in: EHLO, STARTTLS, AUTH LOGIN /
 * PLAIN; MAIL, RCPT and DATA are refused until then (no anonymous use, no open relay). After
 * a good login the upstream session is already authenticated, so the tool's next command
 * (MAIL FROM) continues there and the bytes are relayed as they are.
 */
export async function runSmtpSession(socket: Socket, deps: SmtpSessionDeps): Promise<void> {
  const connection = new LocalConnection(socket);
  const send = (...lines: string[]) => connection.send(...lines);
  let greeted = false;
  let failures = 0;
  const ask = async (challenge: string) => {
    send(`334 ${challenge}`);
    return connection.reader.line();
  };

  send('220 127.0.0.1 m365-connect bridge ESMTP ready');
  try {
    for (;;) {
      const line = await connection.reader.line();
      const [verb = '', ...args] = line.trim().split(/\s+/);
      switch (verb.toUpperCase()) {
        case 'EHLO':
          greeted = true;
          send(
            '250-127.0.0.1 m365-connect bridge',
            '250-SIZE 157286400',
            '250-8BITMIME',
            '250-ENHANCEDSTATUSCODES',
            ...(connection.secure ? [] : ['250-STARTTLS']),
            '250 AUTH LOGIN PLAIN',
          );
          break;
        case 'HELO':
          greeted = true;
          send('250 127.0.0.1 m365-connect bridge');
          break;
        case 'STARTTLS':
          if (connection.secure) {
            send('503 5.5.1 TLS is already active');
            break;
          }
          send('220 2.0.0 Ready to start TLS');
          await connection.startTls(deps.secureContext);
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
            if (failures >= maxAuthFailuresPerConnection) {
              send('421 4.7.0 Too many failed logins, closing connection');
              connection.end();
              return;
            }
            break;
          }
          send('235 2.7.0 Authentication successful');
          await connection.relayTo(result.upstream, () => deps.relayed(result.upn));
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
          connection.end();
          return;
        default:
          send('502 5.5.2 Command not recognized');
      }
    }
  } catch (error) {
    if (error instanceof LineTooLongError) send('500 5.5.2 Line too long');
    connection.destroy();
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
