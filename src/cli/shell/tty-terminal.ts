// The process's terminal for the interactive shell: raw-mode byte reads, writes, and Ctrl+C while a command runs.
import { readSync } from 'node:fs';
import { editLine } from './line-editor.js';
import type { EditOptions } from './line-editor.js';

/** What the shell needs from a terminal. */
export interface ShellTerminal {
  /** Reads one edited line in raw mode (see editLine): null at Ctrl+D on an empty line, LineCancelled on Ctrl+C. */
  readLine(prompt: string, options?: EditOptions): string | null;
  /** Until the returned function is called, Ctrl+C calls `onInterrupt` (the terminal is in cooked mode meanwhile). */
  whileRunning(onInterrupt: () => void): () => void;
  /** Gives the terminal back as it was. */
  close(): void;
}

/**
 * The terminal on standard input/output (a TTY): lines are read in raw mode byte by byte (synchronously, so prompts
 * inside a cmdlet call can be answered); while a command runs the terminal is cooked, so Ctrl+C raises SIGINT.
 * @example const term = createTtyTerminal(process); const line = term.readLine('PS> '); term.close();
 */
export function createTtyTerminal(proc: Pick<NodeJS.Process, 'stdin' | 'stdout' | 'on' | 'off'>): ShellTerminal {
  const stdin = proc.stdin;
  const one = Buffer.alloc(1);
  const nap = new Int32Array(new SharedArrayBuffer(4));
  const readByte = (): number | null => {
    for (;;) {
      try {
        return readSync(0, one, 0, 1, null) === 0 ? null : one[0]!;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        // Node leaves a TTY non-blocking: wait a moment rather than spin until a key arrives.
        if (code === 'EAGAIN') {
          Atomics.wait(nap, 0, 0, 15);
          continue;
        }
        if (code === 'EINTR') continue;
        if (code === 'EOF') return null;
        throw e;
      }
    }
  };
  const term = {
    readByte,
    write: (text: string) => {
      proc.stdout.write(text);
    },
  };
  let raw = false;
  const setRaw = (on: boolean): void => {
    if (raw !== on) stdin.setRawMode(on);
    raw = on;
  };
  return {
    readLine: (prompt, options) => {
      const before = raw;
      setRaw(true);
      try {
        return editLine(term, prompt, options);
      } finally {
        setRaw(before);
      }
    },
    whileRunning: (onInterrupt) => {
      setRaw(false);
      const handler = (): void => onInterrupt();
      proc.on('SIGINT', handler);
      return () => {
        proc.off('SIGINT', handler);
      };
    },
    close: () => {
      setRaw(false);
      stdin.pause();
    },
  };
}
