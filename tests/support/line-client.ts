import net from 'node:net';

/** A scripted line client: sends each command and collects the reply lines that follow. */
export async function converse(port: number, commands: string[], isDone: (line: string) => boolean): Promise<string[]> {
  const socket = net.connect(port, '127.0.0.1');
  const lines: string[] = [];
  let buffer = '';
  let waiting: (() => void) | null = null;
  socket.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('latin1');
    let end;
    while ((end = buffer.indexOf('\r\n')) >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      lines.push(line);
      if (isDone(line)) waiting?.();
    }
  });
  const reply = () => new Promise<void>((resolve) => (waiting = resolve));
  await reply(); // greeting
  for (const command of commands) {
    const next = reply();
    socket.write(`${command}\r\n`);
    await next;
  }
  socket.destroy();
  return lines;
}
/** The last line of an SMTP reply (`250 ...`, not `250-...`). */
export const smtpDone = (line: string) => /^\d{3} /.test(line);
/** The greeting or a tagged IMAP completion. */
export const imapDone = (line: string) => /^(\* OK|[A-Z]\d+ )/.test(line);
