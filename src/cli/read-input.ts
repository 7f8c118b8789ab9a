import { readFile } from 'node:fs/promises';
import { ValidationError } from '../errors/validation-error.js';
import type { CliIo } from './cli-io.js';

/** Reads FILE, or standard input for `-`; a missing file is a clear error naming it. */
export async function readInput(file: string, io: CliIo): Promise<string> {
  // yargs hands a lone `-` positional over as an empty string; no real file is named ''.
  if (file === '-' || file === '') return io.readStdin();
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    throw new ValidationError({ code: 'INPUT_FILE', parameter: 'FILE', value: file, allowed: 'a readable file or - for standard input',
      message: `Cannot read '${file}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.` });
  }
}
