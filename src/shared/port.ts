import * as z from './zod';

/** A port number from `lowest` (1, or 0 for "any free port") to 65535. */
const portNumberSchema = (lowest: 0 | 1) =>
  z
    .number({ error: 'must be a port number' })
    .check(z.int('must be a whole number'), z.gte(lowest, `must be between ${lowest} and 65535`), z.lte(65535, `must be between ${lowest} and 65535`));

/** The same port written as text: plain decimal digits only, then the number schema. */
const portTextSchemaFrom = (lowest: 0 | 1, numberSchema: ReturnType<typeof portNumberSchema>) =>
  z.pipe(
    z.pipe(
      z.string().check(z.regex(/^[0-9]{1,5}$/, `must be a port number written in decimal digits (${lowest} to 65535)`)),
      z.transform((text: string) => Number(text)),
    ),
    numberSchema,
  );

/**
 * A TCP port, the one schema for every source: a JSON number in the policy and settings files,
 * and decimal text from the environment and the command line. Nothing is coerced: `true`,
 * `[[25]]`, `"0x24b"`, `"5e2"` or `" 25"` is a mistake to report, not a port to guess.
 */
export const portSchema = portNumberSchema(1);
export const portTextSchema = portTextSchemaFrom(1, portSchema);

/** A port to listen on (the bridge's local ports): as above, and 0 asks the system for any free one. */
export const listenPortSchema = portNumberSchema(0);
export const listenPortTextSchema = portTextSchemaFrom(0, listenPortSchema);
