import { Readable } from 'node:stream';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readDecodedBody, type AnswerBody } from '../../src/main/net/response-body';

/** Just what readDecodedBody reads of an undici answer: headers and the body stream. */
const answer = (body: Buffer, headers: Record<string, string>): AnswerBody => ({ headers, body: Readable.from([body.subarray(0, 7), body.subarray(7)]) });

class TooLarge extends Error {}
const tooLarge = (limit: number) => new TooLarge(`over ${limit}`);
const json = Buffer.from(JSON.stringify({ value: Array.from({ length: 200 }, (_, i) => ({ id: `user-${i}` })) }));

describe('readDecodedBody (undici request() read as fetch reads it)', () => {
  it('passes a plain body through', async () => {
    expect((await readDecodedBody(answer(json, {}), 1 << 20, tooLarge)).equals(json)).toBe(true);
  });

  it('decodes gzip and brotli, as fetch does', async () => {
    expect((await readDecodedBody(answer(gzipSync(json), { 'content-encoding': 'gzip' }), 1 << 20, tooLarge)).equals(json)).toBe(true);
    expect((await readDecodedBody(answer(brotliCompressSync(json), { 'content-encoding': 'br' }), 1 << 20, tooLarge)).equals(json)).toBe(true);
  });

  it('applies the limit to the decoded size: a small compressed bomb is refused', async () => {
    const bomb = gzipSync(Buffer.alloc(8 << 20));
    expect(bomb.length).toBeLessThan(64 << 10);
    await expect(readDecodedBody(answer(bomb, { 'content-encoding': 'gzip', 'content-length': String(bomb.length) }), 1 << 20, tooLarge)).rejects.toBeInstanceOf(TooLarge);
  });

  it('refuses a declared length over the limit before reading', async () => {
    await expect(readDecodedBody(answer(json, { 'content-length': String(10 << 20) }), 1 << 20, tooLarge)).rejects.toBeInstanceOf(TooLarge);
  });

  it('leaves an unknown coding undecoded and refuses a pile of codings', async () => {
    expect((await readDecodedBody(answer(json, { 'content-encoding': 'compress' }), 1 << 20, tooLarge)).equals(json)).toBe(true);
    await expect(readDecodedBody(answer(json, { 'content-encoding': 'gzip,gzip,gzip,gzip,gzip,gzip' }), 1 << 20, tooLarge)).rejects.toThrow(/too many content-encodings/);
  });

  it('fails on a corrupt compressed body instead of passing it on', async () => {
    await expect(readDecodedBody(answer(Buffer.from('not gzip at all'), { 'content-encoding': 'gzip' }), 1 << 20, tooLarge)).rejects.toThrow();
  });
});
