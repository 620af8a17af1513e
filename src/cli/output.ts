import { createColors } from 'picocolors';
import type { ReportedError } from './cli-errors';
import type { CliIo, OutStream } from './io';

type Colors = ReturnType<typeof createColors>;

/** Colours only for a terminal, and never when NO_COLOR is set (https://no-color.org) or TERM=dumb. */
export function colorsEnabled(stream: OutStream, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

/**
 * Everything a command prints goes through here. Results go to stdout (one JSON document
 * with --json, else text for people); progress, warnings and errors go to stderr, so
 * `--json | jq` always sees clean JSON.
 */
export class Output {
  readonly color: Colors;
  readonly errColor: Colors;

  constructor(
    readonly io: CliIo,
    readonly json: boolean,
  ) {
    this.color = createColors(colorsEnabled(io.stdout, io.env));
    this.errColor = createColors(colorsEnabled(io.stderr, io.env));
  }

  /** A line of the human-readable result (suppressed in --json mode). */
  line(text = ''): void {
    if (!this.json) this.io.stdout.write(`${text}\n`);
  }

  /** The command's JSON result: exactly one document on stdout. */
  result(value: unknown): void {
    this.io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  /** Notes for people (progress, hints, warnings): stderr, so stdout stays parseable. */
  note(text: string): void {
    this.io.stderr.write(`${text}\n`);
  }

  warn(text: string): void {
    this.io.stderr.write(`${this.errColor.yellow('warning:')} ${text}\n`);
  }

  error(reported: ReportedError): void {
    if (this.json) {
      const { exitCode, ...error } = reported;
      this.result({ ok: false, error: { ...error, exitCode } });
    }
    this.io.stderr.write(`${this.errColor.red('error:')} ${reported.message}\n`);
    if (reported.nextStep) this.io.stderr.write(`${this.errColor.dim('next:')} ${reported.nextStep}\n`);
    if (reported.guide) this.io.stderr.write(`${this.errColor.dim('guide:')} m365-connect guides show ${reported.guide}\n`);
    if (reported.adminMessage) this.io.stderr.write(`${this.errColor.dim('message for your admin:')}\n${reported.adminMessage}\n`);
  }

  /** "key: value" rows, keys padded to line up. */
  table(rows: readonly (readonly [string, string])[]): void {
    const width = Math.max(0, ...rows.map(([key]) => key.length));
    for (const [key, value] of rows) this.line(`${this.color.bold(key.padEnd(width))}  ${value}`);
  }
}
