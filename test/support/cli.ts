/**
 * Runs the `quorum` command line in the test's process with some environment
 * variables set for the run: its exit status, what it wrote to stderr and to
 * stdout (console.error and console.log, silenced), and how long it took.
 */
import { vi } from 'vitest';
import { run } from '../../cli/main.js';

export async function runCli(argv: string[], env: Record<string, string> = {}): Promise<{ status: number; stderr: string; stdout: string; ms: number }> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  const lines: string[] = [];
  const err = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  const said: string[] = [];
  const out = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void said.push(a.join(' ')));
  const t0 = Date.now();
  try {
    const status = await run(argv);
    return { status, stderr: lines.join('\n'), stdout: said.join('\n'), ms: Date.now() - t0 };
  } finally {
    err.mockRestore();
    out.mockRestore();
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
}
