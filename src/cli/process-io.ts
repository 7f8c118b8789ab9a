// The CliIo of the running process: its stdio, environment and working directory.
import { readSync } from 'node:fs';
import type { CliIo } from './cli-io.js';

/** The parts of the running process a CliIo is made of (main.ts passes `process`; nothing else touches it). */
export type CliProcess = Pick<
  NodeJS.Process,
  'stdin' | 'stdout' | 'stderr' | 'env' | 'cwd' | 'chdir' | 'on' | 'off' | 'platform' | 'pid'
>;

/** One line from standard input, read synchronously (the interactive shell answers prompts inside cmdlet calls). */
function readLineSync(proc: CliProcess, prompt: string): string | null {
  proc.stdout.write(prompt);
  const bytes: number[] = [];
  const one = Buffer.alloc(1);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, one, 0, 1, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      if ((e as NodeJS.ErrnoException).code === 'EOF') n = 0;
      else throw e;
    }
    if (n === 0) return bytes.length > 0 ? Buffer.from(bytes).toString('utf8') : null;
    if (one[0] === 0x0a) return Buffer.from(bytes).toString('utf8').replace(/\r$/, '');
    bytes.push(one[0]!);
  }
}

/**
 * The real process as a CliIo (main.ts hands it to the command bundles).
 * @example const code = await runCli(process.argv.slice(2), processIo(process));
 */
export function processIo(proc: CliProcess): CliIo {
  return {
    stdout: proc.stdout,
    stderr: proc.stderr,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of proc.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    readStdinBytes: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of proc.stdin) chunks.push(chunk as Buffer);
      return new Uint8Array(Buffer.concat(chunks));
    },
    // A getter: standard input is opened only when a command asks.
    get stderrIsTTY() {
      return proc.stderr.isTTY === true;
    },
    get stdinIsTTY() {
      return proc.stdin.isTTY === true;
    },
    get columns() {
      return proc.stdout.columns as number | undefined;
    },
    env: proc.env,
    cwd: proc.cwd(),
    chdir: (dir) => proc.chdir(dir),
    platform: proc.platform,
    pid: proc.pid,
    promptSecret: async (question) => {
      const { createInterface } = await import('node:readline');
      const rl = createInterface({ input: proc.stdin, output: proc.stderr, terminal: true });
      const muted = rl as unknown as { _writeToOutput: (s: string) => void };
      proc.stderr.write(question);
      muted._writeToOutput = () => {};
      return new Promise((resolve) =>
        rl.question('', (answer) => {
          rl.close();
          proc.stderr.write('\n');
          resolve(answer);
        }),
      );
    },
    readLineSync: (prompt) => readLineSync(proc, prompt),
    shellTerminal: async () => (await import('./shell/tty-terminal.js')).createTtyTerminal(proc),
  };
}
