import * as z from './zod';

/**
 * A TCP port, the one schema for every source: a JSON number in the policy and settings files,
 * and decimal text from the environment and the command line. Nothing is coerced: `true`,
 * `[[25]]`, `"0x24b"`, `"5e2"` or `" 25"` is a mistake to report, not a port to guess.
 */
export const portSchema = z
  .number({ error: 'must be a port number' })
  .check(z.int('must be a whole number'), z.gte(1, 'must be between 1 and 65535'), z.lte(65535, 'must be between 1 and 65535'));

/** The same port written as text: plain decimal digits only, then the number schema. */
export const portTextSchema = z.pipe(
  z.pipe(
    z.string().check(z.regex(/^[0-9]{1,5}$/, 'must be a port number written in decimal digits (1 to 65535)')),
    z.transform((text: string) => Number(text)),
  ),
  portSchema,
);

/** A port to listen on (the bridge's local ports): as above, and 0 asks the system for any free one. */
export const listenPortSchema = z
  .number({ error: 'must be a port number' })
  .check(z.int('must be a whole number'), z.gte(0, 'must be between 0 and 65535'), z.lte(65535, 'must be between 0 and 65535'));

export const listenPortTextSchema = z.pipe(
  z.pipe(
    z.string().check(z.regex(/^[0-9]{1,5}$/, 'must be a port number written in decimal digits (0 to 65535)')),
    z.transform((text: string) => Number(text)),
  ),
  listenPortSchema,
);
