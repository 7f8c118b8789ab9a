import { readFile } from 'node:fs/promises';
import { ValidationError } from '../errors/validation-error.js';
import { Secret } from '../node/secret.js';
import type { CliIo } from './cli-io.js';

/** Where a password comes from; never an option value, since argv is visible to every user of the machine. */
export interface PasswordSources {
  readonly passwordFile?: string | undefined;
  readonly passwordEnv?: string | undefined;
  readonly passwordStdin?: boolean | undefined;
  readonly passwordPrompt?: boolean | undefined;
}

function stripNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}

/** Reads the password from the one source given, or returns undefined when none was given. */
export async function readPassword(sources: PasswordSources, io: CliIo): Promise<Secret | undefined> {
  const given = [
    sources.passwordFile !== undefined,
    sources.passwordEnv !== undefined,
    sources.passwordStdin === true,
    sources.passwordPrompt === true,
  ].filter(Boolean).length;
  if (given > 1) {
    throw new ValidationError({
      code: 'PASSWORD_SOURCES',
      parameter: 'password',
      allowed: 'one of --password-file, --password-env, --password-stdin, --password-prompt',
      message:
        'Give the password one way only: --password-file, --password-env, --password-stdin or --password-prompt.',
    });
  }
  if (sources.passwordFile !== undefined) {
    try {
      return new Secret(stripNewline(await readFile(sources.passwordFile, 'utf8')), { name: 'ExchcertPassword' });
    } catch (e) {
      throw new ValidationError({
        code: 'PASSWORD_FILE',
        parameter: 'password-file',
        value: sources.passwordFile,
        allowed: 'a readable file holding the password',
        message: `Cannot read --password-file '${sources.passwordFile}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`,
      });
    }
  }
  if (sources.passwordEnv !== undefined) {
    const value = io.env[sources.passwordEnv];
    if (value === undefined) {
      throw new ValidationError({
        code: 'PASSWORD_ENV',
        parameter: 'password-env',
        value: sources.passwordEnv,
        allowed: 'the name of a set environment variable',
        message: `--password-env names '${sources.passwordEnv}', which is not set.`,
      });
    }
    return new Secret(value, { name: 'ExchcertPassword' });
  }
  if (sources.passwordStdin) return new Secret(stripNewline(await io.readStdin()), { name: 'ExchcertPassword' });
  if (sources.passwordPrompt) {
    if (!io.stdinIsTTY || !io.promptSecret) {
      throw new ValidationError({
        code: 'PASSWORD_PROMPT',
        parameter: 'password-prompt',
        allowed: 'a terminal',
        message: '--password-prompt needs a terminal; use --password-file, --password-env or --password-stdin.',
      });
    }
    return new Secret(await io.promptSecret('Password: '), { name: 'ExchcertPassword' });
  }
  return undefined;
}
