import fc from 'fast-check';
import type { InvokeChannel } from '../../../src/shared/ipc/channels';

/**
 * What each channel's request looks like, written out independently of the zod contract so the
 * fuzz can build payloads that are invalid by construction (not "whatever zod rejects").
 */
type Field =
  | { name: string; kind: 'string'; max: number }
  | { name: string; kind: 'enum'; options: readonly string[] }
  | { name: string; kind: 'boolean'; optional?: true }
  | { name: string; kind: 'string-array'; maxItems: number; maxLength: number; optional: true };

const format: Field = { name: 'format', kind: 'enum', options: ['html', 'pdf'] };

export const requestFields: Record<InvokeChannel, Field[]> = {
  'app:info': [],
  'config:get': [],
  'auth:current': [],
  'auth:sign-in': [
    { name: 'method', kind: 'enum', options: ['browser', 'device-code'] },
    { name: 'switchAccount', kind: 'boolean', optional: true },
  ],
  'auth:cancel': [],
  'auth:sign-out': [],
  'readiness:check': [],
  'smtp:last-tests': [],
  'vault:status': [],
  'vault:store': [{ name: 'password', kind: 'string', max: 1024 }, { name: 'replace', kind: 'boolean' }],
  'smtp:test': [{ name: 'method', kind: 'enum', options: ['app-password', 'oauth'] }],
  'shell:open-external': [{ name: 'url', kind: 'string', max: 2048 }],
  'clipboard:copy': [{ name: 'text', kind: 'string', max: 4096 }],
  'report:export': [format],
  'guides:export': [format, { name: 'ids', kind: 'string-array', maxItems: 100, maxLength: 64, optional: true }],
  'bridge:status': [],
  'bridge:start': [],
  'bridge:pause': [],
  'bridge:resume': [],
  'bridge:password': [],
  'bridge:test': [],
  'bridge:start-at-login': [{ name: 'enabled', kind: 'boolean' }],
};

function validValue(field: Field): fc.Arbitrary<unknown> {
  switch (field.kind) {
    case 'string':
      return fc.string({ maxLength: Math.min(field.max, 300) });
    case 'enum':
      return fc.constantFrom(...field.options);
    case 'boolean':
      return fc.boolean();
    case 'string-array':
      return fc.array(fc.string({ maxLength: field.maxLength }), { maxLength: 10 });
  }
}

const isOptional = (field: Field) => 'optional' in field && field.optional === true;

/** A request the contract accepts. */
export function validRequest(channel: InvokeChannel): fc.Arbitrary<Record<string, unknown>> {
  const fields = requestFields[channel];
  const model = Object.fromEntries(fields.map((field) => [field.name, validValue(field)]));
  const requiredKeys = fields.filter((field) => !isOptional(field)).map((field) => field.name);
  return fc.record(model, { requiredKeys }) as fc.Arbitrary<Record<string, unknown>>;
}

/** Every kind of value IPC could carry, including the exotic ones structured clone allows. */
export const anyValue = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
});

/** Top-level payloads that are not a plain object at all. */
export const notAnObject = fc.oneof(
  fc.constantFrom(null, undefined, true, false, 0, -1, Number.NaN, Infinity, '', '{}', 'null'),
  fc.integer(),
  fc.double(),
  fc.bigInt(),
  fc.string({ maxLength: 100 }),
  fc.array(anyValue, { maxLength: 5 }),
  fc.constantFrom(new Date(0), new Map([['upn', 'a@b.example']]), new Set(['x']), /upn/, new Error('upn'), new Uint8Array(4), new String('{}')),
);

const hostileKeys = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'then', '__defineGetter__', ''),
  fc.string({ minLength: 1, maxLength: 40 }),
  fc.integer({ min: 1_000, max: 200_000 }).map((length) => 'k'.repeat(length)),
);

/** A value nested `depth` levels deep in objects or arrays. */
export const deepNesting = fc
  .tuple(fc.integer({ min: 50, max: 3_000 }), fc.boolean())
  .map(([depth, arrays]) => {
    let value: unknown = 'bottom';
    for (let level = 0; level < depth; level += 1) value = arrays ? [value] : { a: value };
    return value;
  });

const oversizedString = (max: number) =>
  fc.oneof(
    fc.integer({ min: max + 1, max: max * 4 }).map((length) => 'x'.repeat(length)),
    fc.constantFrom(max + 1, 1_000_000).map((length) => 'y'.repeat(length)),
  );

/** A value of the wrong kind for the field (never valid, whatever the parser). */
function wrongValue(field: Field): fc.Arbitrary<unknown> {
  switch (field.kind) {
    case 'string':
      return fc.oneof(anyValue.filter((value) => typeof value !== 'string'), oversizedString(field.max));
    case 'enum':
      return anyValue.filter((value) => !field.options.includes(value as string));
    case 'boolean':
      return anyValue.filter((value) => typeof value !== 'boolean' && value !== undefined);
    case 'string-array':
      return fc.oneof(
        anyValue.filter((value) => !Array.isArray(value) && value !== undefined),
        fc.array(fc.string({ maxLength: 5 }), { minLength: field.maxItems + 1, maxLength: field.maxItems * 3 }),
        oversizedString(field.maxLength).map((text) => [text]),
        fc.array(anyValue.filter((value) => typeof value !== 'string'), { minLength: 1, maxLength: 5 }),
      );
  }
}

/** An own property, even for `__proto__` (as JSON.parse and structured clone create it). */
function withOwn(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
  return target;
}

export type Hostile = { kind: string; payload: unknown };

/** Payloads for `channel` that are invalid by construction, labelled by the kind of attack. */
export function invalidRequest(channel: InvokeChannel): fc.Arbitrary<Hostile> {
  const fields = requestFields[channel];
  const valid = validRequest(channel);
  const names = new Set(fields.map((field) => field.name));
  const attacks: fc.Arbitrary<Hostile>[] = [
    notAnObject.map((payload) => ({ kind: 'not an object', payload })),
    fc
      .tuple(valid, hostileKeys.filter((key) => !names.has(key)), fc.oneof(anyValue, deepNesting))
      .map(([request, key, value]) => ({ kind: 'extra key', payload: withOwn({ ...request }, key, value) })),
    fc
      .tuple(valid, fc.constantFrom('{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}'))
      .map(([request, json]) => ({ kind: 'prototype pollution', payload: Object.assign(JSON.parse(json) as object, request) })),
  ];
  if (fields.length > 0) {
    const field = fc.constantFrom(...fields);
    attacks.push(
      fc
        .tuple(valid, field)
        .chain(([request, chosen]) =>
          wrongValue(chosen).map((value) => ({ kind: 'wrong type or oversized', payload: withOwn({ ...request }, chosen.name, value) })),
        ),
      fc
        .tuple(valid, field, deepNesting)
        .map(([request, chosen, value]) => ({ kind: 'deep nesting', payload: withOwn({ ...request }, chosen.name, value) })),
    );
    const required = fields.filter((candidate) => !isOptional(candidate));
    if (required.length > 0) {
      attacks.push(
        fc.tuple(valid, fc.constantFrom(...required)).map(([request, chosen]) => {
          const payload = { ...request };
          delete payload[chosen.name];
          return { kind: 'missing field', payload };
        }),
      );
    }
  }
  return fc.oneof(...attacks);
}

/** Callers that are not the app's own top-level document. */
export const untrustedSender = fc.oneof(
  fc.constant({ url: 'app://renderer/index.html', isMainFrame: false }),
  fc.webUrl().map((url) => ({ url, isMainFrame: true })),
  fc
    .constantFrom(
      'app://renderer.evil/index.html',
      'app://evil/index.html',
      'app://renderer:1234/index.html',
      'app://renderer.evil.example@evil/index.html',
      'https://renderer/index.html',
      'http://renderer/index.html',
      'file:///work/main/out/renderer/index.html',
      'data:text/html,<script>1</script>',
      'about:blank',
      'about:srcdoc',
      'devtools://devtools/bundled/inspector.html',
      'chrome-extension://abcdefghijklmnop/index.html',
      'blob:app://renderer/5b0b0a0c',
      'javascript:alert(1)',
      'app:renderer',
      '',
      'not a url',
    )
    .map((url) => ({ url, isMainFrame: true })),
  fc.webUrl().map((url) => ({ url, isMainFrame: false })),
);
