import type { Account } from '../shared/account';
import type { ConnectRoute } from '../shared/routes/route';
import type { AdoptingBridge } from './bridge/adopt';
import type { BridgeHealthMonitor } from './bridge/health';
import type { EventPayload } from '../shared/ipc/contract';
import type { Verdict } from '../shared/readiness/verdict';
import type { SmtpMethod, SmtpTestResult } from '../shared/smtp/result';
import type { Preconnection } from './smtp/preconnect';

/**
 * The services the handler table composes. Each lives in its own folder (auth/, graph/,
 * vault/, smtp/, documents/) and knows nothing of the others: handlers.ts wires them.
 */
export type SignInOptions = {
  method: 'browser' | 'device-code';
  switchAccount?: boolean;
  onDeviceCode?: (info: EventPayload<'auth:device-code'>) => void;
  onProgress?: (stage: EventPayload<'auth:progress'>['stage']) => void;
  /** Stops this sign-in (as cancel() does) when it fires. */
  signal?: AbortSignal;
};

export interface AuthService {
  /** Silent sign-in: the cached account if its refresh token still works. */
  current(): Promise<{ account: Account | null; cachePersisted: boolean }>;
  signIn(options: SignInOptions): Promise<Account>;
  /** Cancels a pending interactive or device-code sign-in; false when none was pending. */
  cancel(): boolean;
  signOut(): Promise<boolean>;
  /** Access token for `https://outlook.office.com/SMTP.Send`, for the XOAUTH2 test. */
  acquireSmtpToken(upn: string): Promise<string>;
}

export interface ReadinessService {
  check(): Promise<Verdict>;
}

export type StoreResult = { service: string; account: string; replaced: boolean; warnings: string[] };

export interface VaultService {
  readonly service: string;
  accountFor(upn: string): string;
  has(upn: string): Promise<boolean>;
  store(upn: string, password: string, options: { replace: boolean }): Promise<StoreResult>;
  read(upn: string): Promise<string | null>;
  forget(upn: string): Promise<boolean>;
  /** Accounts that have a stored password; never the values. */
  list(): Promise<string[]>;
}

export type SmtpTestRequest = {
  upn: string;
  method: SmtpMethod;
  /** The app password (app-password method) or the access token (oauth method). */
  secret: string;
  onProgress?: (progress: EventPayload<'smtp:progress'>) => void;
  /** A connection to this service's host and port opened ahead of the test (smtp/preconnect.ts). */
  preconnection?: Preconnection;
};

export interface SmtpService {
  test(request: SmtpTestRequest): Promise<SmtpTestResult>;
}

export interface DocumentService {
  readinessReportHtml(verdict: Verdict): string;
  guidesHtml(ids?: string[]): string;
}

/** The effective configuration the handlers need (resolved and validated by config/). */
export type EffectiveSettings = {
  smtpHost: string;
  smtpPort: number;
  keychainService: string;
  tenant: string;
  cloud: string;
  demoTenant: boolean;
  routesOffered: ConnectRoute[];
  bridgeSmtpPort: number;
  bridgeImapPort: number;
  bridgeStartAtLogin: { enabled: boolean; lockedByPolicy: boolean };
  /** Where "Start at login" is saved; null when the host has no settings file (tests). */
  settingsFile: string | null;
  hiddenGuides: string[];
  /** Extra https origins openExternal may reach, e.g. the sandbox's sign-in pages. */
  extraExternalOrigins: string[];
  securityInfoUrl: string;
};

export type Services = {
  version: string;
  settings: EffectiveSettings;
  auth: AuthService;
  readiness: ReadinessService;
  vault: VaultService;
  smtp: SmtpService;
  documents: DocumentService;
  /** The local bridge for password-only tools, where the host runs one. */
  bridge?: AdoptingBridge;
  /** Watches the bridge's health (failed upstream logins, a silent token check) for tray and window. */
  bridgeHealth?: BridgeHealthMonitor;
  /** Releases what the services hold open (token cache, connection pools) at quit. */
  close(): Promise<void>;
};
