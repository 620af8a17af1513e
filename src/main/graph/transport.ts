import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { fetch as undiciFetch, type Dispatcher } from 'undici';

/**
 * The last link of the Graph client's middleware chain: sends the request through our
 * trusted undici dispatcher (system store + extra CA) instead of the global fetch, and
 * puts the answer back as a standard Response for the SDK to read.
 */
export class TrustedFetchMiddleware implements Middleware {
  constructor(
    private readonly dispatcher: Dispatcher,
    private readonly timeoutMs: number,
  ) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    const options = context.options ?? {};
    const response = await undiciFetch(url, {
      method: options.method ?? 'GET',
      headers: headersOf(options.headers),
      ...(typeof options.body === 'string' ? { body: options.body } : {}),
      dispatcher: this.dispatcher,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const body = await response.arrayBuffer();
    context.response = new Response(body.byteLength > 0 ? body : null, {
      status: response.status,
      statusText: response.statusText,
      headers: Array.from(response.headers.entries()),
    });
  }
}

function headersOf(headers: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  new Headers(headers).forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

/** Adds the bearer token; the SDK's own auth handler would insist on Microsoft's hosts. */
export class BearerMiddleware implements Middleware {
  private next: Middleware | undefined;
  constructor(private readonly token: () => Promise<string>) {}
  setNext(next: Middleware): void {
    this.next = next;
  }
  async execute(context: Context): Promise<void> {
    const headers = new Headers(context.options?.headers);
    headers.set('Authorization', `Bearer ${await this.token()}`);
    context.options = { ...context.options, headers: Object.fromEntries(headers.entries()) };
    await this.next?.execute(context);
  }
}
