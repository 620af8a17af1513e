import { randomBytes } from 'node:crypto';
import type { SignInFacts } from '../tokens/claims';
import type { Grant } from './scopes';

const opaque = (bytes = 32): string => randomBytes(bytes).toString('base64url');

export type AuthorizeRequest = {
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string | undefined;
  nonce: string | undefined;
  codeChallenge: string | undefined;
  codeChallengeMethod: string | undefined;
  responseMode: 'query' | 'form_post' | 'fragment';
  wantsClientInfo: boolean;
  loginHint: string | undefined;
};

/** A sign-in in progress on the sign-in page (Entra carries this as the `flowToken`). */
export type Flow = {
  id: string;
  purpose: { kind: 'authorize'; request: AuthorizeRequest } | { kind: 'device'; userCode: string } | { kind: 'security-info' };
  upn?: string;
  expiresAt: number;
};

export type AuthCode = { upn: string; clientId: string; redirectUri: string; grant: Grant; facts: SignInFacts; nonce: string | undefined; codeChallenge: string | undefined; codeChallengeMethod: string | undefined; expiresAt: number; redeemed: boolean };
export type RefreshToken = { upn: string; clientId: string; facts: SignInFacts; issuedAt: number; revokedAt?: number; expiredByInactivity?: boolean };
export type DeviceCode = {
  deviceCode: string;
  userCode: string;
  clientId: string;
  scope: string;
  expiresAt: number;
  status: 'pending' | 'approved' | 'declined' | 'redeemed';
  upn?: string;
  facts?: SignInFacts;
};
export type Session = { upn: string; facts: SignInFacts; canary: string };

/** Everything Entra remembers between requests, in memory for one sandbox run. */
export class EntraStore {
  private flows = new Map<string, Flow>();
  private codes = new Map<string, AuthCode>();
  private refreshTokens = new Map<string, RefreshToken>();
  private deviceCodes = new Map<string, DeviceCode>();
  private sessions = new Map<string, Session>();

  startFlow(purpose: Flow['purpose']): Flow {
    const flow: Flow = { id: opaque(24), purpose, expiresAt: Date.now() + 30 * 60_000 };
    this.flows.set(flow.id, flow);
    return flow;
  }

  flow(id: string): Flow | undefined {
    const flow = this.flows.get(id);
    return flow && flow.expiresAt > Date.now() ? flow : undefined;
  }

  endFlow(id: string): void {
    this.flows.delete(id);
  }

  issueCode(entry: Omit<AuthCode, 'expiresAt' | 'redeemed'>): string {
    const code = `1.${opaque(48)}`;
    this.codes.set(code, { ...entry, expiresAt: Date.now() + 10 * 60_000, redeemed: false });
    return code;
  }

  code(code: string): AuthCode | undefined {
    return this.codes.get(code);
  }

  issueRefreshToken(entry: Omit<RefreshToken, 'issuedAt' | 'revokedAt' | 'expiredByInactivity'>): string {
    const token = `1.${opaque(64)}`;
    this.refreshTokens.set(token, { ...entry, issuedAt: Date.now() });
    return token;
  }

  refreshToken(token: string): RefreshToken | undefined {
    return this.refreshTokens.get(token);
  }

  /**
   * Revokes every refresh token of a user (as "revoke sessions" or a password reset does at
   * Entra): they stay known, so redeeming one answers AADSTS50173 rather than "malformed".
   */
  revokeRefreshTokens(upn: string): void {
    const now = Date.now();
    for (const entry of this.refreshTokens.values()) if (entry.upn.toLowerCase() === upn.toLowerCase()) entry.revokedAt ??= now;
  }

  /** Ages every refresh token of a user past Entra's 90-day inactivity limit (AADSTS700082). */
  expireRefreshTokens(upn: string): void {
    for (const entry of this.refreshTokens.values()) if (entry.upn.toLowerCase() === upn.toLowerCase()) entry.expiredByInactivity = true;
  }

  issueDeviceCode(clientId: string, scope: string, lifetimeSeconds: number): DeviceCode {
    const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
    const userCode = Array.from(randomBytes(9), (byte) => letters[byte % letters.length]).join('');
    const entry: DeviceCode = { deviceCode: `DAQABAAEAAAD${opaque(96)}`, userCode, clientId, scope, expiresAt: Date.now() + lifetimeSeconds * 1000, status: 'pending' };
    this.deviceCodes.set(entry.deviceCode, entry);
    return entry;
  }

  /** Ends the 15-minute lifetime of every device code now (tests of expired_token). */
  expireDeviceCodes(): void {
    for (const entry of this.deviceCodes.values()) entry.expiresAt = Date.now() - 1;
  }

  deviceCode(deviceCode: string): DeviceCode | undefined {
    return this.deviceCodes.get(deviceCode);
  }

  deviceCodeByUserCode(userCode: string): DeviceCode | undefined {
    const wanted = userCode.trim().toUpperCase();
    return [...this.deviceCodes.values()].find((entry) => entry.userCode === wanted);
  }

  startSession(upn: string, facts: SignInFacts): string {
    const id = opaque(32);
    this.sessions.set(id, { upn, facts, canary: opaque(24) });
    return id;
  }

  session(id: string | undefined): Session | undefined {
    return id ? this.sessions.get(id) : undefined;
  }

  endSession(id: string | undefined): void {
    if (id) this.sessions.delete(id);
  }
}
