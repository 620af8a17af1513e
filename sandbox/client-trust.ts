import type { INetworkModule, NetworkResponse } from '@azure/msal-node';
import { Agent, fetch } from 'undici';

/**
 * Clients that trust the sandbox's CA explicitly (no NODE_EXTRA_CA_CERTS, no disabled
 * verification). For tests and scripts; the app builds its own from M365_CONNECT_EXTRA_CA_FILE.
 */
export function sandboxDispatcher(caPem: string): Agent {
  return new Agent({ connect: { ca: caPem } });
}

/** An MSAL network module over a dispatcher that trusts the sandbox CA. */
export function sandboxMsalNetwork(dispatcher: Agent): INetworkModule {
  const send = async <T>(url: string, method: 'GET' | 'POST', headers: Record<string, string>, body?: string): Promise<NetworkResponse<T>> => {
    const response = await fetch(url, { method, headers, dispatcher, ...(method === 'POST' ? { body: body ?? '' } : {}) });
    const text = await response.text();
    return { status: response.status, headers: Object.fromEntries(response.headers), body: (text ? JSON.parse(text) : {}) as T };
  };
  return {
    sendGetRequestAsync: (url, options) => send(url, 'GET', options?.headers ?? {}),
    sendPostRequestAsync: (url, options) => send(url, 'POST', options?.headers ?? {}, options?.body),
  };
}
