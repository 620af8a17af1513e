import type { Sandbox } from './index';

/**
 * The environment that points the app or the CLI at this sandbox: what `npm start` sets for the
 * demo tenant, what `npm run sandbox` prints as export lines, and what tests hand the services.
 */
export function appEnvFor(sb: Pick<Sandbox, 'clientId' | 'tenantId' | 'policyPath' | 'smtp' | 'caPemPath'> & Partial<Pick<Sandbox, 'imap'>>): Record<string, string> {
  return {
    M365_CONNECT_CLIENT_ID: sb.clientId,
    M365_CONNECT_TENANT: sb.tenantId,
    // The sign-in and Graph hosts are not Microsoft's, so they come from a policy file.
    M365_CONNECT_POLICY: sb.policyPath,
    M365_CONNECT_SMTP_HOST: sb.smtp.host,
    M365_CONNECT_SMTP_PORT: String(sb.smtp.port),
    M365_CONNECT_EXTRA_CA_FILE: sb.caPemPath,
    // Exchange's IMAP stand-in, when it runs (the config loader ignores keys it does not know).
    ...(sb.imap ? { M365_CONNECT_IMAP_HOST: sb.imap.host, M365_CONNECT_IMAP_PORT: String(sb.imap.port) } : {}),
  };
}
