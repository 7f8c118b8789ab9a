// An in-memory CliIo for running the CLI in-process.
import type { CliIo } from '../../src/cli/cli-io.js';

export interface FakeIo extends CliIo {
  readonly out: () => string;
  readonly err: () => string;
}

export function fakeIo(
  options: { stdin?: string; env?: Record<string, string>; tty?: boolean; answer?: string } = {},
): FakeIo {
  let out = '';
  let err = '';
  return {
    stdout: {
      write: (t: string) => {
        out += t;
      },
    },
    stderr: {
      write: (t: string) => {
        err += t;
      },
    },
    readStdin: async () => options.stdin ?? '',
    stdinIsTTY: options.tty ?? false,
    env: options.env ?? {},
    cwd: process.cwd(),
    promptSecret: async () => options.answer ?? '',
    out: () => out,
    err: () => err,
  };
}
