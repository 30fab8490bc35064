import { spawn, type SpawnOptions } from 'node:child_process';

/** What a finished tool said: its exit status (or why it could not start) and its output. */
export interface ToolResult {
  /** The exit status, or `undefined` when the tool could not be started (see `error`). */
  code: number | undefined;
  error?: Error;
  /** stdout and stderr, interleaved as they came. */
  output: string;
}

/** Runs a command to its end, collecting its output instead of showing it. */
export function runTool(command: string, args: readonly string[], options: SpawnOptions = {}): Promise<ToolResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', (error) => resolve({ code: undefined, error, output: Buffer.concat(chunks).toString('utf8') }));
    child.on('close', (status) => resolve({ code: status ?? -1, output: Buffer.concat(chunks).toString('utf8') }));
  });
}
