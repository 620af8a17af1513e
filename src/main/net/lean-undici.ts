import type { Dispatcher } from 'undici';
import Agent from 'undici/lib/dispatcher/agent.js';
import requestApi from 'undici/lib/api/api-request.js';

/**
 * undici's Agent and request(), loaded alone. The package's index loads every part it has (mock
 * agents, WebSocket, EventSource, HTTP cache, proxies, fetch): twice the start-up time and 16 MB
 * more memory than these, which are all the app needs (Graph and MSAL go through request(), see
 * src/main/net/response-body.ts). tests/unit/lean-undici.test.ts checks they are the very ones
 * the package exports, so an undici update that moves them fails there.
 */
export { Agent };

/**
 * `dispatcher.request(options)`: the package's index puts request() on every dispatcher's
 * prototype, which loading the Agent alone does not.
 */
export const dispatcherRequest = (dispatcher: Dispatcher, options: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData> =>
  requestApi.call(dispatcher, options);
