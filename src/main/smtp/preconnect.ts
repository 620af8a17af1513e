import { connect, type Socket } from 'node:net';

/**
 * What a test login gets from a preconnection: the connected socket, null when connecting
 * failed (the login then connects on its own, so the failure is reported exactly as always), or
 * 'timed-out' when the connect timeout passed first.
 */
export type Preconnected = Socket | null | 'timed-out';

/**
 * A TCP connection to the SMTP server opened as soon as the server is known and allowed, while
 * the secret is read and the TLS trust and the SMTP client are still loading: the server's
 * greeting is on its way in the meantime. Nothing is sent on it before the login takes it.
 */
export type Preconnection = {
  /** Waits for the connection (at most the connect timeout, counted from the start). Once only. */
  take(): Promise<Preconnected>;
  /** Closes the connection unless the login took it (a refusal stopped the test before it ran). */
  cancel(): void;
};

/**
 * A connection older than this when the login wants it is closed and a fresh one opened: a
 * keychain prompt or a slow token may have kept the user long enough for the server to give up.
 */
const freshForMs = 10_000;

export function preconnect(host: string, port: number, connectTimeoutMs: number): Preconnection {
  const startedAt = Date.now();
  const socket = connect({ host, port });
  let taken = false;
  // Without a listener an error would crash the process; the login reconnects and reports it.
  const ignore = () => undefined;
  socket.on('error', ignore);
  const settled = new Promise<Preconnected>((resolve) => {
    const timer = setTimeout(() => {
      socket.destroy();
      resolve('timed-out');
    }, connectTimeoutMs);
    timer.unref();
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(null);
    });
  });
  return {
    async take() {
      if (taken) throw new Error('A preconnection is taken once');
      taken = true;
      const outcome = await settled;
      if (outcome === null || outcome === 'timed-out' || outcome.destroyed || outcome.readableEnded || Date.now() - startedAt > freshForMs) {
        socket.destroy();
        return outcome === 'timed-out' ? outcome : null;
      }
      socket.off('error', ignore);
      return outcome;
    },
    cancel() {
      if (!taken) socket.destroy();
    },
  };
}
