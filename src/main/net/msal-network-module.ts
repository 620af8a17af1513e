import type { Dispatcher } from 'undici';
import { headerValue, requestDecoded } from './response-body';
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

/** Entra's answers are a few kilobytes; anything near this is not one. */
const maxAnswerBytes = 4 * 1024 * 1024;

/**
 * MSAL's network module over the trusted dispatcher (msal-node otherwise uses global fetch), with
 * undici's request() as the Graph transport uses it (src/main/net/response-body.ts): the CLI then
 * never loads undici's fetch.
 */
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
    let status: number;
    let headers: Record<string, string>;
    let text: string;
    try {
      const answer = await requestDecoded(
        dispatcher,
        new URL(url),
        {
          method,
          headers: options?.headers ?? {},
          ...(method === 'POST' ? { body: options?.body ?? '' } : {}),
          signal: AbortSignal.timeout(timeout ?? timeoutMs),
        },
        maxAnswerBytes,
        () => new Error('answer too large'),
      );
      status = answer.status;
      headers = {};
      for (const [name, value] of Object.entries(answer.headers)) {
        const joined = headerValue(value);
        if (joined !== undefined) headers[name.toLowerCase()] = joined;
      }
      text = answer.body.toString('utf8');
    } catch (error) {
      throw new NetworkUnreachableError(url, causeCodeOf(error) ?? 'network error');
    }
    let body: unknown;
    try {
      body = text === '' ? {} : JSON.parse(text);
    } catch {
      throw new NetworkUnreachableError(url, `unexpected non-JSON answer, HTTP ${status}`);
    }
    // MSAL drops Entra's error codes in some flows (device code); let the caller see them.
    if (status >= 400 && onErrorBody) {
      const error = body as { error?: unknown; error_codes?: unknown };
      if (typeof error.error === 'string') {
        const codes = Array.isArray(error.error_codes) ? error.error_codes.filter((c): c is number => typeof c === 'number') : [];
        onErrorBody({ error: error.error, errorCodes: codes });
      }
    }
    return { headers, body: body as T, status };
  };
  return {
    sendGetRequestAsync: (url, options, timeout) => send(url, 'GET', options, timeout),
    sendPostRequestAsync: (url, options) => send(url, 'POST', options, undefined),
  };
}
