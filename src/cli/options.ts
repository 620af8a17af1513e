import { InvalidArgumentError } from 'commander';
import type * as z from '../shared/zod';
import { upnSchema } from '../shared/upn';

/** A commander parser for a whole number in [min, max], with a message naming the option. */
export const positiveInt = (name: string, min: number, max: number) => (value: string) => {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < min || parsed > max) {
    throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}.`);
  }
  return parsed;
};

/** A commander parser from a shared schema: the CLI checks a value exactly as the app does. */
export const fromSchema =
  <T>(name: string, schema: z.ZodMiniType<T>) =>
  (value: string): T => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new InvalidArgumentError(`${name} ${parsed.error.issues[0]?.message ?? 'is invalid'}.`);
    return parsed.data;
  };

export const upnOption = fromSchema('--user', upnSchema);
