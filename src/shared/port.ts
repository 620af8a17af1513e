import { z } from 'zod';

/**
 * A TCP port, the one schema for every source: a JSON number in the policy and settings files,
 * and decimal text from the environment and the command line. Nothing is coerced: `true`,
 * `[[25]]`, `"0x24b"`, `"5e2"` or `" 25"` is a mistake to report, not a port to guess.
 */
export const portSchema = z
  .number({ error: 'must be a port number' })
  .int('must be a whole number')
  .min(1, 'must be between 1 and 65535')
  .max(65535, 'must be between 1 and 65535');

/** The same port written as text: plain decimal digits only, then the number schema. */
export const portTextSchema = z
  .string()
  .regex(/^[0-9]{1,5}$/, 'must be a port number written in decimal digits (1 to 65535)')
  .transform(Number)
  .pipe(portSchema);

/** A port to listen on (the bridge's local ports): as above, and 0 asks the system for any free one. */
export const listenPortSchema = z
  .number({ error: 'must be a port number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 65535')
  .max(65535, 'must be between 0 and 65535');

export const listenPortTextSchema = z
  .string()
  .regex(/^[0-9]{1,5}$/, 'must be a port number written in decimal digits (0 to 65535)')
  .transform(Number)
  .pipe(listenPortSchema);
