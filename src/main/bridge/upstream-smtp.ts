import net from 'node:net';
import type { TLSSocket } from 'node:tls';
import { LineReader } from './line-reader';
import { UpstreamError, upstreamErrorFrom } from './upstream-errors';
import { connectTls, type UpstreamTarget } from './upstream-tls';
import { xoauth2 } from './xoauth2';

export type SmtpReply = { code: number; lines: string[] };

export async function readSmtpReply(reader: LineReader): Promise<SmtpReply> {
  const lines: string[] = [];
  for (;;) {
    const line = await reader.line();
    lines.push(line);
    if (!/^\d{3}-/.test(line)) return { code: Number(line.slice(0, 3)) || 0, lines };
  }
}

const ehloName = 'm365-connect-bridge';

function tcpConnect(target: UpstreamTarget): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: target.host, port: target.port });
    const timer = setTimeout(() => socket.destroy(new UpstreamError('unreachable', 'timeout')), target.timeoutMs ?? 30_000);
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(upstreamErrorFrom(error, 'connect'));
    });
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
  });
}

/**
 * Submission to Exchange Online as Microsoft documents it: port 587, EHLO, STARTTLS, EHLO,
 * AUTH XOAUTH2 (https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth).
 * Resolves with the TLS socket right after 235, paused, with nothing read past that reply;
 * the token is written only once TLS is up and verified.
 */
export async function openSmtpUpstream(target: UpstreamTarget, upn: string, accessToken: string): Promise<TLSSocket> {
  const raw = await tcpConnect(target);
  let secured: TLSSocket | null = null;
  try {
    const plain = new LineReader(raw);
    const expect = async (reader: LineReader, code: number, what: string) => {
      const reply = await readSmtpReply(reader);
      if (reply.code !== code) throw new UpstreamError('unreachable', `${what}: ${reply.code}`);
      return reply;
    };
    await expect(plain, 220, 'greeting');
    raw.write(`EHLO ${ehloName}\r\n`);
    const ehlo = await expect(plain, 250, 'EHLO');
    // No STARTTLS offered = someone stripped it, or this is not Exchange: never go on in clear.
    if (!ehlo.lines.some((line) => /^250[- ]STARTTLS\b/i.test(line))) throw new UpstreamError('tls-untrusted', 'STARTTLS not offered');
    raw.write('STARTTLS\r\n');
    const ready = await readSmtpReply(plain);
    if (ready.code !== 220) throw new UpstreamError('tls-untrusted', `STARTTLS refused: ${ready.code}`);
    if (plain.detach().length > 0) throw new UpstreamError('tls-untrusted', 'data injected before TLS');
    secured = await connectTls(target, raw);
    const reader = new LineReader(secured);
    secured.write(`EHLO ${ehloName}\r\n`);
    await expect(reader, 250, 'EHLO after STARTTLS');
    secured.write(`AUTH XOAUTH2 ${xoauth2(upn, accessToken)}\r\n`);
    let reply = await readSmtpReply(reader);
    // A 334 carries the error as base64 JSON; the client answers with an empty line to get the final reply.
    if (reply.code === 334) {
      secured.write('\r\n');
      reply = await readSmtpReply(reader);
    }
    if (reply.code !== 235) {
      const text = reply.lines.join(' ');
      throw new UpstreamError(/5\.7\.139/.test(text) && /SmtpClientAuthentication is disabled/i.test(text) ? 'smtp-auth-disabled' : 'auth-rejected', text.slice(0, 200));
    }
    reader.detach();
    return secured;
  } catch (error) {
    (secured ?? raw).destroy();
    raw.destroy();
    throw upstreamErrorFrom(error, 'tls');
  }
}
