import { InvalidArgumentError } from 'commander';

/** A commander parser for a whole number in [min, max], with a message naming the option. */
export const positiveInt = (name: string, min: number, max: number) => (value: string) => {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < min || parsed > max) {
    throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}.`);
  }
  return parsed;
};

/** A port to listen on: 0 (any free port) to 65535. */
export const positiveIntOrZero = (name: string) => positiveInt(name, 0, 65535);
