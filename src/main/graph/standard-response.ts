import type { GraphHttpAnswer } from './graph-answer';

/**
 * The answer, already read into memory, as a standard Response, for the Graph client library.
 * Its text and JSON come straight from those bytes: the body stream a plain `new Response(bytes)`
 * builds (and reads back) costs as much as parsing the answer.
 */
class BufferedResponse extends Response {
  readonly #payload: Buffer;
  constructor(payload: Buffer, init: ResponseInit) {
    super(null, init);
    this.#payload = payload;
  }
  override async text(): Promise<string> {
    return this.#payload.toString('utf8');
  }
  override async json(): Promise<unknown> {
    return JSON.parse(this.#payload.toString('utf8')) as unknown;
  }
  override async arrayBuffer(): Promise<ArrayBuffer> {
    const { buffer, byteOffset, byteLength } = this.#payload;
    return buffer.slice(byteOffset, byteOffset + byteLength) as ArrayBuffer;
  }
  override async blob(): Promise<Blob> {
    return new Blob([new Uint8Array(this.#payload)], { type: this.headers.get('content-type') ?? '' });
  }
  override clone(): Response {
    return new BufferedResponse(this.#payload, { status: this.status, statusText: this.statusText, headers: this.headers });
  }
}

export function toStandardResponse(answer: GraphHttpAnswer): Response {
  return new BufferedResponse(answer.body, { status: answer.status, statusText: answer.statusText, headers: headerPairs(answer.headers) });
}

function headerPairs(headers: GraphHttpAnswer['headers']): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (Array.isArray(value)) value.forEach((v) => out.push([name, v]));
    else if (value !== undefined) out.push([name, value]);
  }
  return out;
}
