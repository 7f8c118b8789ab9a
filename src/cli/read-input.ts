import { readFile as readFileCallback } from 'node:fs';
import { ValidationError } from '../errors/validation-error.js';
import type { CliIo } from './cli-io.js';
import type { ShellVersion } from '../spec/shell-version.js';
import { decodeRunbook } from './runbook-encoding.js';

/** What run-cli puts in argv for a lone `-` (yargs would drop it or turn it into ''). */
export const STDIN_ARGUMENT = '\u0000stdin';

/** True when a FILE argument means standard input. */
export function isStdin(file: string): boolean {
  return file === '-' || file === '' || file === STDIN_ARGUMENT;
}

/** A file's bytes through node:fs's callback API (node:fs/promises loads a dozen modules a run never uses). */
function readFile(file: string): Promise<Buffer> {
  return new Promise((resolve, reject) => readFileCallback(file, (e, bytes) => (e ? reject(e) : resolve(bytes))));
}

/** Reads FILE, or standard input for `-`; a missing file is a clear error naming it. */
export async function readInput(file: string, io: CliIo): Promise<string> {
  if (isStdin(file)) return io.readStdin();
  try {
    return (await readFile(file)).toString('utf8');
  } catch (e) {
    throw new ValidationError({
      code: 'INPUT_FILE',
      parameter: 'FILE',
      value: file,
      allowed: 'a readable file or - for standard input',
      message: `Cannot read '${file}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`,
    });
  }
}

/** FILE's bytes, or standard input's (as read, when the host can give bytes; else its text as UTF-8). */
export async function readInputBytes(file: string, io: CliIo): Promise<Uint8Array> {
  if (isStdin(file))
    return io.readStdinBytes ? io.readStdinBytes() : new Uint8Array(Buffer.from(await io.readStdin(), 'utf8'));
  try {
    return new Uint8Array(await readFile(file));
  } catch (e) {
    throw new ValidationError({
      code: 'INPUT_FILE',
      parameter: 'FILE',
      value: file,
      allowed: 'a readable file or - for standard input',
      message: `Cannot read '${file}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`,
    });
  }
}

/**
 * A runbook's text as `shell` reads the file: BOM first, else the ANSI code page (2.0, 5.1) or UTF-8 (7).
 * @example const text = await readRunbook('part1.ps1', io, '5.1', 1252)
 */
export async function readRunbook(file: string, io: CliIo, shell: ShellVersion, codePage: number): Promise<string> {
  return decodeRunbook(await readInputBytes(file, io), shell, codePage);
}
