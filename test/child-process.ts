import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * Another process of the platform, started as `node --import tsx <script>` (test/job-runner-child.ts,
 * test/kill-drill-child.ts): the JSON lines it prints on stdout are collected as they come, its stderr kept for the
 * failure message.
 */
export function startChildProcess<Event extends { event: string }>(
  script: string,
  env: Record<string, string | undefined>,
) {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const events: Event[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line.startsWith('{')) events.push(JSON.parse(line));
  });
  let log = '';
  child.stderr.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  /** The exit code, or the signal that ended it ('SIGKILL'). */
  const exited = new Promise<number | string | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal)),
  );
  return { child, events, exited, log: () => log };
}
