import { aadstsEntry, aadstsReference } from './aadsts';
import type { Step } from './verdict';

/**
 * "Copy a message for your admin": a short, ready-written text a user can paste into mail or
 * chat: who they are, the tenant, what is needed, why, and the link. Pure, so the wizard, the
 * readiness report and the tests produce the very same text.
 */
export type AdminMessageInput = {
  user: string;
  tenant: string;
  need: string;
  why: string;
  link?: string | null;
  /** Extra lines (e.g. the Conditional Access policies the check read). */
  details?: readonly string[];
};

export function adminMessage(input: AdminMessageInput): string {
  const lines = [
    'Hello,',
    '',
    `I (${input.user}) need an administrator of our Microsoft 365 tenant (${input.tenant}) to ${input.need.replace(/\.$/, '')}.`,
    '',
    `Why: ${input.why}`,
  ];
  for (const detail of input.details ?? []) lines.push(detail);
  if (input.link) lines.push('', `Link: ${input.link}`);
  lines.push('', 'Thank you.');
  return lines.join('\n');
}

export type AppIdentity = {
  /** The cloud's sign-in host (src/main/config/clouds.ts), e.g. https://login.microsoftonline.com */
  authorityHost: string;
  /** Tenant id or domain. */
  tenant: string;
  clientId: string;
};

/**
 * Tenant-wide admin consent for this app, in this cloud:
 * https://learn.microsoft.com/entra/identity/enterprise-apps/grant-admin-consent#construct-the-url-for-granting-tenant-wide-admin-consent
 */
export function adminConsentUrl({ authorityHost, tenant, clientId }: AppIdentity): string {
  const host = authorityHost.replace(/\/+$/, '');
  return `${host}/${encodeURIComponent(tenant)}/adminconsent?client_id=${encodeURIComponent(clientId)}`;
}

/** The message for a sign-in or consent error; null when the user can fix it alone. */
export function adminMessageForAadsts(
  code: string,
  context: AppIdentity & { user: string; policyNames?: readonly string[] },
): string | null {
  const entry = aadstsEntry(code);
  if (!entry?.admin) return null;
  const { kind, need, why } = entry.admin;
  const details: string[] = [];
  if (kind === 'conditional-access') {
    details.push(
      context.policyNames && context.policyNames.length > 0
        ? `Conditional Access policies that apply to me, as far as the app could read them: ${context.policyNames.map((name) => `"${name}"`).join(', ')}.`
        : 'The app could not read which Conditional Access policies apply (that needs Policy.Read.All); the sign-in logs show the one that blocked it.',
    );
  }
  details.push(`App (client) ID: ${context.clientId}. Error: AADSTS${code} (${entry.name}), see ${aadstsReference}`);
  return adminMessage({
    user: context.user,
    tenant: context.tenant,
    need,
    why,
    link: kind === 'admin-consent' ? adminConsentUrl(context) : null,
    details,
  });
}

/** The message for an admin step of the readiness verdict. */
export function adminMessageForStep(
  step: Step,
  context: { user: string; tenant: string; title: string; link: string | null },
): string {
  return adminMessage({
    user: context.user,
    tenant: context.tenant,
    need: `do this for me: ${context.title}`,
    why: step.why,
    link: context.link,
  });
}
