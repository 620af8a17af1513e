import Agent from 'undici/lib/dispatcher/agent.js';
import { fetch } from 'undici/lib/web/fetch/index.js';

/**
 * undici's Agent and fetch, loaded alone. The package's index loads every part it has (mock
 * agents, WebSocket, EventSource, HTTP cache, proxies): twice the start-up time and 16 MB more
 * memory than these two, which are all the app needs. tests/unit/lean-undici.test.ts checks
 * they are the very classes the package exports, so an undici update that moves them fails there.
 */
export { Agent, fetch };
