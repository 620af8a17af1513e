import type { Socket } from 'node:net';
import type { ImapLoginResult } from './bridge-login';
import { readImapCommand } from './imap-command';
import { LineTooLongError } from './line-reader';
import { LocalConnection, maxAuthFailuresPerConnection, type LocalSessionDeps } from './local-connection';
import { parsePlain } from './sasl';

export type ImapSessionDeps = LocalSessionDeps<ImapLoginResult>;

/**
 * The tool's side of IMAP until it has logged in (RFC 3501 not-authenticated state):
 * CAPABILITY, NOOP, LOGOUT, STARTTLS, LOGIN, AUTHENTICATE PLAIN (SASL-IR too). Everything
 * else is refused. After a good login the upstream session is authenticated and the tool's
 * next command continues there, byte for byte.
 */
export async function runImapSession(socket: Socket, deps: ImapSessionDeps): Promise<void> {
  const connection = new LocalConnection(socket);
  const send = (...lines: string[]) => connection.send(...lines);
  let failures = 0;
  const capabilities = () => `IMAP4rev1 ${connection.secure ? '' : 'STARTTLS '}AUTH=PLAIN SASL-IR`;

  send(`* OK [CAPABILITY ${capabilities()}] m365-connect bridge ready`);
  try {
    for (;;) {
      const command = await readImapCommand(connection.reader, () => send('+ Ready for literal data'));
      if ('error' in command) {
        send(`${command.tag} BAD ${command.error}`);
        continue;
      }
      const { tag, name, args } = command;
      let credentials: { user: string; password: string } | null = null;
      switch (name) {
        case 'CAPABILITY':
          send(`* CAPABILITY ${capabilities()}`, `${tag} OK CAPABILITY completed`);
          break;
        case 'NOOP':
          send(`${tag} OK NOOP completed`);
          break;
        case 'LOGOUT':
          send('* BYE m365-connect bridge logging out', `${tag} OK LOGOUT completed`);
          connection.end();
          return;
        case 'STARTTLS':
          if (connection.secure) {
            send(`${tag} BAD TLS is already active`);
            break;
          }
          send(`${tag} OK Begin TLS negotiation now`);
          await connection.startTls(deps.secureContext);
          break;
        case 'LOGIN':
          if (args.length !== 2) {
            send(`${tag} BAD LOGIN needs a user name and a password`);
            break;
          }
          credentials = { user: args[0]!, password: args[1]! };
          break;
        case 'AUTHENTICATE': {
          if ((args[0] ?? '').toUpperCase() !== 'PLAIN') {
            send(`${tag} NO [CANNOT] Unsupported authentication mechanism (use PLAIN or LOGIN)`);
            break;
          }
          let response = args[1];
          if (response === undefined) {
            send('+ ');
            response = await connection.reader.line();
          }
          if (response.trim() === '*') {
            send(`${tag} BAD Authentication cancelled`);
            break;
          }
          credentials = parsePlain(response);
          if (!credentials) send(`${tag} BAD Cannot decode the PLAIN response`);
          break;
        }
        default:
          send(`${tag} BAD Log in first (LOGIN or AUTHENTICATE PLAIN)`);
      }
      if (!credentials) continue;
      const result = await deps.login(credentials.user, credentials.password);
      if (!result.ok) {
        send(`${tag} NO [${result.temporary ? 'UNAVAILABLE' : 'AUTHENTICATIONFAILED'}] ${result.message}`);
        failures += 1;
        if (failures >= maxAuthFailuresPerConnection) {
          send('* BYE Too many failed logins');
          connection.end();
          return;
        }
        continue;
      }
      const capability = /^\[CAPABILITY [^\]]*\]/i.exec(result.okText)?.[0];
      send(`${tag} OK ${capability ? `${capability} ` : ''}Logged in`);
      await connection.relayTo(result.upstream, () => deps.relayed(result.upn));
      return;
    }
  } catch (error) {
    if (error instanceof LineTooLongError) send('* BYE Line too long');
    connection.destroy();
  }
}
