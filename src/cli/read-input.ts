import { readFile } from 'node:fs/promises';
import { ValidationError } from '../errors/validation-error.js';
import type { CliIo } from './cli-io.js';

/** What run-cli puts in argv for a lone `-` (yargs would drop it or turn it into ''). */
export const STDIN_ARGUMENT = '\u0000stdin';

/** True when a FILE argument means standard input. */
export function isStdin(file: string): boolean {
  return file === '-' || file === '' || file === STDIN_ARGUMENT;
}

/** Reads FILE, or standard input for `-`; a missing file is a clear error naming it. */
export async function readInput(file: string, io: CliIo): Promise<string> {
  if (isStdin(file)) return io.readStdin();
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    throw new ValidationError({ code: 'INPUT_FILE', parameter: 'FILE', value: file, allowed: 'a readable file or - for standard input',
      message: `Cannot read '${file}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.` });
  }
}
