import { fetch as undiciFetch, type Dispatcher } from 'undici';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { causeCodeOf } from './error-cause';

/** Marks a failure to reach a server at all (DNS, refused, TLS, timeout), for error mapping. */
export class NetworkUnreachableError extends Error {
  constructor(
    readonly url: string,
    readonly causeCode: string,
  ) {
    super(`Could not reach ${new URL(url).host} (${causeCode}).`);
    this.name = 'NetworkUnreachableError';
  }
}

/** MSAL's network module over the trusted dispatcher (msal-node otherwise uses global fetch). */
export function createMsalNetworkModule(
  dispatcher: Dispatcher,
  moduleOptions: { timeoutMs?: number; onErrorBody?: (body: { error: string; errorCodes: number[] }) => void } = {},
): INetworkModule {
  const timeoutMs = moduleOptions.timeoutMs ?? 30_000;
  const { onErrorBody } = moduleOptions;
  const send = async <T>(
    url: string,
    method: 'GET' | 'POST',
    options: NetworkRequestOptions | undefined,
    timeout: number | undefined,
  ): Promise<NetworkResponse<T>> => {
    let response;
    try {
      response = await undiciFetch(url, {
        method,
        headers: options?.headers ?? {},
        ...(method === 'POST' ? { body: options?.body ?? '' } : {}),
        dispatcher,
        signal: AbortSignal.timeout(timeout ?? timeoutMs),
      });
    } catch (error) {
      throw new NetworkUnreachableError(url, causeCodeOf(error) ?? 'network error');
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    const text = await response.text();
    let body: unknown;
    try {
      body = text === '' ? {} : JSON.parse(text);
    } catch {
      throw new NetworkUnreachableError(url, `unexpected non-JSON answer, HTTP ${response.status}`);
    }
    // MSAL drops Entra's error codes in some flows (device code); let the caller see them.
    if (response.status >= 400 && onErrorBody) {
      const error = body as { error?: unknown; error_codes?: unknown };
      if (typeof error.error === 'string') {
        const codes = Array.isArray(error.error_codes) ? error.error_codes.filter((c): c is number => typeof c === 'number') : [];
        onErrorBody({ error: error.error, errorCodes: codes });
      }
    }
    return { headers, body: body as T, status: response.status };
  };
  return {
    sendGetRequestAsync: (url, options, timeout) => send(url, 'GET', options, timeout),
    sendPostRequestAsync: (url, options) => send(url, 'POST', options, undefined),
  };
}
