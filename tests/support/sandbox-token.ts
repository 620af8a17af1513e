import { Agent, fetch } from 'undici';

/**
 * An access token from the sandbox's real Entra endpoints, without a browser: the device-code
 * flow, approved through the sandbox's test hook. This is how the XOAUTH2 tests get tokens
 * the sandbox's SMTP server verifies (signature, audience, scope, tenant, user).
 */
type SandboxForTokens = {
  authority: string;
  caPem: string;
  clientId: string;
  approveDeviceCode(userCode: string, upn: string): void;
};

export type TokenAnswer = { ok: true; accessToken: string } | { ok: false; error: string; description: string };

export async function sandboxAccessToken(sb: SandboxForTokens, upn: string, scope = 'https://outlook.office.com/SMTP.Send offline_access'): Promise<TokenAnswer> {
  const dispatcher = new Agent({ connect: { ca: sb.caPem } });
  try {
    const post = async (path: string, form: Record<string, string>) => {
      const response = await fetch(`${sb.authority}/oauth2/v2.0/${path}`, { method: 'POST', body: new URLSearchParams(form), dispatcher });
      return (await response.json()) as Record<string, string>;
    };
    const code = await post('devicecode', { client_id: sb.clientId, scope });
    if (!code.user_code || !code.device_code) return { ok: false, error: code.error ?? 'no_device_code', description: code.error_description ?? '' };
    sb.approveDeviceCode(code.user_code, upn);
    const token = await post('token', { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', client_id: sb.clientId, device_code: code.device_code });
    if (!token.access_token) return { ok: false, error: token.error ?? 'no_token', description: token.error_description ?? '' };
    return { ok: true, accessToken: token.access_token };
  } finally {
    await dispatcher.close();
  }
}
