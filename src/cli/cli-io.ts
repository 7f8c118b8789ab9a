/** Everything the CLI touches outside itself; main.ts gives the real process, tests give fakes. */
export interface CliIo {
  readonly stdout: { write(text: string): void };
  readonly stderr: { write(text: string): void };
  /** Reads all of standard input. */
  readStdin(): Promise<string>;
  /** Reads all of standard input as bytes (runbooks are decoded as their shell would). */
  readStdinBytes?(): Promise<Uint8Array>;
  readonly stdinIsTTY: boolean;
  /** Standard error is a terminal (progress bars go there). */
  readonly stderrIsTTY?: boolean;
  /** Width of the terminal on standard output, when it is one (help text wraps to it). */
  readonly columns?: number | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Changes this process's working folder (the engine runs each forwarded command line in its client's). */
  chdir?(dir: string): void;
  /** The operating system (`process.platform`); absent: not Windows. */
  readonly platform?: string;
  /** This process's id (`exchcert engine serve` tells its clients). */
  readonly pid?: number;
  /** Asks for a line without echo (TTY only). */
  promptSecret?(question: string): Promise<string>;
  /** Reads one line synchronously (the interactive shell and its prompts); null at end of input. */
  readonly readLineSync?: ((prompt: string) => string | null) | undefined;
  /** The terminal for `exchcert shell` when standard input is one (raw-mode line editing, Ctrl+C). */
  shellTerminal?(): Promise<import('./shell/tty-terminal.js').ShellTerminal>;
}

/** Exit codes: success, a run or lint that found errors (or a workflow step failed), bad input or usage, a workflow waiting. */
export const EXIT = Object.freeze({ ok: 0, failed: 1, usage: 2, waiting: 3 });
