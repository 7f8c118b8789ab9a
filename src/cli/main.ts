// The only file that touches the process: argv, stdio, exit code.
import { readSync } from 'node:fs';
import type { CliIo } from './cli-io.js';
import { tryFastPrint } from './fast-print.js';
import { reportError } from './report-error.js';

const io: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  stdinIsTTY: process.stdin.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  env: process.env,
  cwd: process.cwd(),
  promptSecret: async (question) => {
    const { createInterface } = await import('node:readline');
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const muted = rl as unknown as { _writeToOutput: (s: string) => void };
    process.stderr.write(question);
    muted._writeToOutput = () => {};
    return new Promise((resolve) => rl.question('', (answer) => { rl.close(); process.stderr.write('\n'); resolve(answer); }));
  },
};

/** One line from standard input, read synchronously (the interactive shell answers prompts inside cmdlet calls). */
function readLineSync(prompt: string): string | null {
  process.stdout.write(prompt);
  const bytes: number[] = [];
  const one = Buffer.alloc(1);
  for (;;) {
    let n = 0;
    try { n = readSync(0, one, 0, 1, null); } catch (e) { if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue; if ((e as NodeJS.ErrnoException).code === 'EOF') n = 0; else throw e; }
    if (n === 0) return bytes.length > 0 ? Buffer.from(bytes).toString('utf8') : null;
    if (one[0] === 0x0a) return Buffer.from(bytes).toString('utf8').replace(/\r$/, '');
    bytes.push(one[0]!);
  }
}
(io as { readLineSync?: (p: string) => string | null }).readLineSync = readLineSync;

const argv = process.argv.slice(2);
try {
  const fast = tryFastPrint(argv, io);
  process.exitCode = fast ? await fast : await (await import('./run-cli.js')).runCli(argv, io);
} catch (e) {
  process.exitCode = reportError(e, io);
}
