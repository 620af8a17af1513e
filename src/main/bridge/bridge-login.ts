import type { TLSSocket } from 'node:tls';
import type { BridgeFailureCause, BridgeProtocol } from '../../shared/bridge/status';
import type { BridgePasswords } from './bridge-passwords';
import { causeOf, explain, isTemporary } from './failure-causes';
import { FailureDelay, sleep } from './failure-delay';
import type { BridgeTokenCache } from './token-cache';
import { UpstreamError } from './upstream-errors';
import { openImapUpstream } from './upstream-imap';
import { openSmtpUpstream } from './upstream-smtp';
import type { UpstreamTarget } from './upstream-tls';

const ignore = () => undefined;

export type LoginFailure = { ok: false; cause: BridgeFailureCause | 'paused'; message: string; temporary: boolean };
export type SmtpLoginResult = { ok: true; upn: string; upstream: TLSSocket } | LoginFailure;
export type ImapLoginResult = { ok: true; upn: string; upstream: TLSSocket; okText: string } | LoginFailure;

export type LoginReporter = {
  succeeded(upn: string, protocol: BridgeProtocol): void;
  failed(upn: string, protocol: BridgeProtocol, cause: BridgeFailureCause, message: string): void;
};

export type BridgeLoginDeps = {
  passwords: Pick<BridgePasswords, 'verify'>;
  tokens: BridgeTokenCache;
  upstream: { smtp: UpstreamTarget; imap: UpstreamTarget };
  report: LoginReporter;
  paused: () => boolean;
  delay?: FailureDelay;
};

/**
 * One local login, in the only safe order: check the bridge password (constant time, slower
 * after each failure), and only then get a token and open the upstream connection. A wrong
 * password never causes a network connection or a token request.
 */
export function createBridgeLogin(deps: BridgeLoginDeps) {
  const delay = deps.delay ?? new FailureDelay();

  const checkLocal = async (protocol: BridgeProtocol, user: string, password: string): Promise<LoginFailure | null> => {
    if (deps.paused()) {
      return { ok: false, cause: 'paused', message: 'The m365-connect bridge is paused: resume it in the m365-connect app, then retry.', temporary: true };
    }
    let good: boolean;
    try {
      good = await deps.passwords.verify(user, password);
    } catch (error) {
      return fail(user, protocol, causeOf(error));
    }
    if (good) {
      delay.succeed(user);
      return null;
    }
    await sleep(delay.fail(user));
    return fail(user, protocol, 'wrong-local-password');
  };

  const fail = (upn: string, protocol: BridgeProtocol, cause: BridgeFailureCause): LoginFailure => {
    const message = explain(cause, upn.trim().toLowerCase());
    deps.report.failed(upn, protocol, cause, message);
    return { ok: false, cause, message, temporary: isTemporary(cause) };
  };

  const upstreamFailure = (upn: string, protocol: BridgeProtocol, error: unknown): LoginFailure => {
    // A token the server refused is not worth reusing.
    if (error instanceof UpstreamError && error.kind === 'auth-rejected') deps.tokens.forget(upn);
    return fail(upn, protocol, causeOf(error));
  };

  return {
    async smtp(user: string, password: string): Promise<SmtpLoginResult> {
      const refused = await checkLocal('smtp', user, password);
      if (refused) return refused;
      const upn = user.trim().toLowerCase();
      try {
        const token = await deps.tokens.get(upn, 'smtp');
        const upstream = await openSmtpUpstream(deps.upstream.smtp, upn, token);
        upstream.on('error', ignore); // the relay reports failures; an early one must not crash
        deps.report.succeeded(upn, 'smtp');
        return { ok: true, upn, upstream };
      } catch (error) {
        return upstreamFailure(upn, 'smtp', error);
      }
    },
    async imap(user: string, password: string): Promise<ImapLoginResult> {
      const refused = await checkLocal('imap', user, password);
      if (refused) return refused;
      const upn = user.trim().toLowerCase();
      try {
        const token = await deps.tokens.get(upn, 'imap');
        const { socket, okText } = await openImapUpstream(deps.upstream.imap, upn, token);
        socket.on('error', ignore);
        deps.report.succeeded(upn, 'imap');
        return { ok: true, upn, upstream: socket, okText };
      } catch (error) {
        return upstreamFailure(upn, 'imap', error);
      }
    },
  };
}
export type BridgeLogin = ReturnType<typeof createBridgeLogin>;
