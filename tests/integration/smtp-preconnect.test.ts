import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { trustFromPem } from '../../src/main/net/trust';
import { createSmtpService } from '../../src/main/smtp';
import { preconnect, type Preconnection } from '../../src/main/smtp/preconnect';
import { testSmtpServersWithCa } from '../support/smtp-test-server';

/**
 * The early connection smtp-test opens while it still loads: the login it hands the socket to
 * must behave exactly like one that connected itself, and a connection nobody takes must go
 * away without a byte sent. What the server saw is asserted at the server.
 */
const upn = 'Ada.Lovelace@contoso.com';
const password = 'qwertzuiopasdfgh';
const timeouts = { connect: 5_000, greeting: 5_000, socket: 5_000 };

const { ca: testCa, server } = testSmtpServersWithCa();

const serviceFor = (port: number) => createSmtpService({ host: '127.0.0.1', port, trust: trustFromPem(testCa().cert), timeoutsMs: timeouts });

const closedPort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await sleep(10);
  expect(check()).toBe(true);
}

describe('SMTP test login over a preconnected socket', () => {
  it('runs the whole login on the one early connection, with the same result and transcript as connecting itself', async () => {
    const smtp = await server();
    const plain = await serviceFor(smtp.port).test({ upn, method: 'app-password', secret: password });
    expect(smtp.connections()).toBe(1);

    const early = preconnect('127.0.0.1', smtp.port, timeouts.connect);
    // The greeting arrives before anyone reads it, as when the CLI is still loading.
    await sleep(150);
    const stages: string[] = [];
    const result = await serviceFor(smtp.port).test({ upn, method: 'app-password', secret: password, preconnection: early, onProgress: (p) => stages.push(p.stage) });

    expect(result).toEqual(plain);
    expect(result).toMatchObject({ ok: true, cause: 'ok', stage: 'done' });
    expect(stages).toEqual(['connect', 'tls', 'auth', 'done']);
    expect(smtp.connections()).toBe(2);
    expect(smtp.auths).toHaveLength(2);
  });

  it('a refused early connection leaves the login to connect itself and report it as always', async () => {
    const port = await closedPort();
    const plain = await serviceFor(port).test({ upn, method: 'app-password', secret: password });
    const early = preconnect('127.0.0.1', port, timeouts.connect);
    const result = await serviceFor(port).test({ upn, method: 'app-password', secret: password, preconnection: early });
    expect(result).toMatchObject({ ok: false, cause: 'connection-refused', stage: 'connect' });
    expect(result).toEqual(plain);
  });

  it('an early connection that ran out of time is reported as a connect timeout, without a second attempt', async () => {
    const smtp = await server();
    const timedOut: Preconnection = { take: async () => 'timed-out', cancel: () => undefined };
    const result = await serviceFor(smtp.port).test({ upn, method: 'app-password', secret: password, preconnection: timedOut });
    expect(result).toMatchObject({ ok: false, cause: 'timeout', stage: 'connect' });
    expect(smtp.connections()).toBe(0);
  });

  it('a connection nobody takes is closed by cancel, without a command sent', async () => {
    const smtp = await server();
    const early = preconnect('127.0.0.1', smtp.port, timeouts.connect);
    await until(() => smtp.connections() === 1);
    early.cancel();
    await until(() => smtp.openConnections() === 0);
    expect(smtp.commands).toEqual([]);
    expect(smtp.auths).toEqual([]);
  });

  it('is taken once; cancel after the take leaves the login its socket', async () => {
    const smtp = await server();
    const early = preconnect('127.0.0.1', smtp.port, timeouts.connect);
    const socket = await early.take();
    early.cancel();
    expect(socket).not.toBeNull();
    expect(socket !== null && socket !== 'timed-out' && !socket.destroyed).toBe(true);
    await expect(early.take()).rejects.toThrow(/once/);
    if (socket && socket !== 'timed-out') socket.destroy();
  });
});
