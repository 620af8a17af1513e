import type { Context } from '@microsoft/microsoft-graph-client';
import type { Dispatcher } from 'undici';
import { headerValue } from '../net/response-body';

/**
 * A Graph answer as our middleware chain hands it on: status, headers and the body already read.
 * Not a WHATWG Response on purpose: the first touch of the global Response (or Headers) makes
 * Node compile its bundled fetch implementation, about 30 ms of a command's start, and the
 * report, which pages through a thousand answers, never needs one. Only the Graph client library
 * does; graph-client.ts gives it a standard Response made from this (standard-response.ts).
 */
export class GraphHttpAnswer {
  readonly ok: boolean;
  constructor(
    readonly status: number,
    readonly statusText: string,
    /** undici's answer headers: names lower-cased, a repeated header as an array. */
    readonly headers: Dispatcher.ResponseData['headers'],
    readonly body: Buffer,
  ) {
    this.ok = status >= 200 && status <= 299;
  }
  /** A header as Headers.get() gives it: repeated ones joined with ", ", null when absent. */
  header(name: string): string | null {
    return headerValue(this.headers[name.toLowerCase()]) ?? null;
  }
  text(): string {
    return this.body.toString('utf8');
  }
}

// The answer travels beside the SDK's Context (whose `response` is typed as a standard Response).
const answers = new WeakMap<Context, GraphHttpAnswer>();

/** The answer the chain's last link put on this request's context, if any yet. */
export const answerOf = (context: Context): GraphHttpAnswer | undefined => answers.get(context);

export function setAnswer(context: Context, answer: GraphHttpAnswer): void {
  answers.set(context, answer);
}
