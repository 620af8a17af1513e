import { spawn } from 'node:child_process';

export type ToolRun = { status: number | null; stdout: string; stderr: string };

/** A command-line tool (curl, mbsync, msmtp...) to its end; `input` is its stdin, else an empty one. */
export function runTool(command: string, args: string[], input?: string): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    // No input: stdin ends at once, as /dev/null would.
    child.stdin.end(input ?? '');
  });
}
