import { Client, GraphClientError, ResponseType, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import { answerOf } from './graph-answer';
import { createGraphChain, type GraphChain, type GraphClientOptions } from './graph-chain';
import { GraphLayerError } from './graph-middleware';
import { toStandardResponse } from './standard-response';

export type { GraphClientOptions };
export { nextLinkGuard } from './next-link-guard';

// The SDK rethrows a GraphClientError from the middleware as it is and wraps any other error into
// a GraphError that loses its type. graph-middleware.ts leaves the SDK unloaded (the report
// never needs it), so its errors join GraphClientError's family here, where the SDK is loaded.
Object.setPrototypeOf(GraphLayerError.prototype, GraphClientError.prototype);

export type GraphHttp = GraphChain & {
  /** The Graph client over our middleware chain, for requests the SDK builds (the $batch). */
  client: Client;
};

/** The Graph client with our middleware chain (graph-chain.ts). */
export function createGraphHttp(options: GraphClientOptions): GraphHttp {
  const chain = createGraphChain(options);
  const client = Client.initWithMiddleware({
    middleware: new StandardResponseMiddleware(chain.first),
    baseUrl: `${options.graphBaseUrl}/`,
    defaultVersion: 'beta',
    customHosts: new Set([new URL(options.graphBaseUrl).hostname]),
  });
  return { ...chain, client };
}

/** The SDK's first link: runs our chain, then hands the SDK its answer as a standard Response. */
class StandardResponseMiddleware implements Middleware {
  constructor(private readonly next: Middleware) {}
  async execute(context: Context): Promise<void> {
    await this.next.execute(context);
    const answer = answerOf(context);
    if (answer) context.response = toStandardResponse(answer);
  }
}

/** The raw answer to a POST of a JSON body to a beta path. */
export async function graphPostBeta(client: Client, path: string, body: unknown): Promise<Response> {
  return (await client.api(path).version('beta').responseType(ResponseType.RAW).post(body)) as Response;
}
