import type { GuideId } from '../../shared/readiness/guide-ids';
import type { ConnectRoute } from '../../shared/routes/route';
import type { CloudName } from './clouds';
import type { ConfigKey } from './schema';

export type ConfigSource = 'policy' | 'env' | 'settings' | 'default';

export type ResolvedValues = {
  /** null until an app registration is configured (then only the demo tenant can work). */
  clientId: string | null;
  tenant: string;
  cloud: CloudName;
  authorityHost: string;
  graphBaseUrl: string;
  smtpHost: string;
  smtpPort: number;
  imapHost: string;
  imapPort: number;
  /** The bridge's local listeners (127.0.0.1); 0 = any free port. */
  bridgeSmtpPort: number;
  bridgeImapPort: number;
  /** Absolute path of a PEM bundle trusted besides the system store, or null. */
  extraCaFile: string | null;
  keychainService: string;
  /** Start the app, and with it the bridge, at login. */
  bridgeStartAtLogin: boolean;
  routesOffered: ConnectRoute[];
  hiddenGuides: GuideId[];
};
export type ResolvedKey = keyof ResolvedValues;

export type ResolvedConfig = {
  values: ResolvedValues;
  sources: Record<ResolvedKey, ConfigSource>;
  /** Keys the policy locks: user settings and environment cannot change them. */
  locked: ConfigKey[];
  /** No client id configured and the demo (sandbox) tenant was asked for. */
  demoTenant: boolean;
  /** The XOAUTH2 scope for the chosen cloud. */
  smtpScope: string;
  /** The IMAP XOAUTH2 scope for the chosen cloud. */
  imapScope: string;
  policyFile: string | null;
  /** A policy named by M365_CONNECT_POLICY (or the caller) that was not used: the machine has its own. */
  ignoredPolicyFile: string | null;
  /** Sign-in or Graph endpoints that are not Microsoft's: only ever from the policy. */
  nonMicrosoftHosts: { key: 'authorityHost' | 'graphBaseUrl'; value: string }[];
  settingsFile: string | null;
  /** Values a user tried to set on a locked key; shown by `config show`, never applied. */
  ignored: { key: ConfigKey; source: 'env' | 'settings'; reason: string }[];
};
