import { describe, expect, it } from 'vitest';
import { policySchema } from '../../src/main/config/schema';
import { contract } from '../../src/shared/ipc/contract';

// zod/mini has no messages of its own: without src/shared/zod.ts setting English, every message
// zod writes itself (those the schemas do not set) would read just "Invalid input". This file
// loads no classic zod, which would set English for everyone and hide the loss.
describe('messages zod writes itself are English', () => {
  it('in the policy file schema', () => {
    const parsed = policySchema.safeParse({ routesOffered: 'oauth', surprise: true });
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual([
      'Invalid input: expected array, received string',
      'Unrecognized key: "surprise"',
    ]);
  });

  it('in an IPC request', () => {
    const parsed = contract['clipboard:copy'].request.safeParse({ text: 'x'.repeat(4097), extra: 1 });
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual([
      'Too big: expected string to have <=4096 characters',
      'Unrecognized key: "extra"',
    ]);
  });
});
