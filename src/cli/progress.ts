import type { OutStream } from './io';
import { groupDigits } from '../shared/text/group-digits';

export type ProgressOptions = {
  stream: OutStream;
  label: string;
  unit: string;
  /** Plain-line interval when the stream is not a terminal. */
  lineIntervalMs?: number;
  now?: () => number;
};

/**
 * Progress on stderr. On a terminal: one line redrawn in place (a bar when the total is
 * known), at most ten times a second. Otherwise (CI logs, redirected stderr): a plain line
 * every few seconds, so logs stay readable and never fill with carriage returns.
 */
export class Progress {
  private readonly tty: boolean;
  private readonly interval: number;
  private readonly now: () => number;
  private readonly started: number;
  private last = 0;
  private total: number | null = null;
  private drawn = false;

  constructor(private readonly options: ProgressOptions) {
    this.tty = options.stream.isTTY === true;
    this.now = options.now ?? Date.now;
    this.interval = this.tty ? 100 : (options.lineIntervalMs ?? 5000);
    this.started = this.now();
    this.last = this.started;
  }

  setTotal(total: number | null): void {
    this.total = total;
  }

  update(done: number, force = false): void {
    const now = this.now();
    if (!force && now - this.last < this.interval) return;
    this.last = now;
    const text = this.describe(done, now);
    if (this.tty) {
      this.options.stream.write(`\r${text}\u001b[K`);
      this.drawn = true;
    } else {
      this.options.stream.write(`${text}\n`);
    }
  }

  /** Ends the progress display with a final figure. */
  finish(done: number): void {
    this.update(done, true);
    if (this.tty && this.drawn) this.options.stream.write('\n');
  }

  /** Clears the redrawn line before something else is printed. */
  clear(): void {
    if (this.tty && this.drawn) this.options.stream.write('\r\u001b[K');
    this.drawn = false;
  }

  private describe(done: number, now: number): string {
    const seconds = Math.max((now - this.started) / 1000, 0.001);
    const rate = Math.round(done / seconds);
    const counts = `${groupDigits(done)}${this.total !== null ? ` / ${groupDigits(this.total)}` : ''} ${this.options.unit}`;
    const tail = `${groupDigits(rate)} ${this.options.unit}/s`;
    if (this.total !== null && this.total > 0 && this.tty) {
      const ratio = Math.min(1, done / this.total);
      const width = 24;
      const filled = Math.round(ratio * width);
      const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
      return `${this.options.label} ${bar} ${Math.floor(ratio * 100)}% ${counts}, ${tail}`;
    }
    return `${this.options.label}: ${counts}, ${tail}`;
  }
}
