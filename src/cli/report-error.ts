import { isExchcertError } from '../errors/exchcert-error.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './cli-io.js';

/** A usage problem found by the argument parser. */
export class UsageError extends Error {}

/** Prints an error the user caused as one clear message (never a stack trace) and gives the exit code. */
export function reportError(e: unknown, io: CliIo): number {
  if (isExchcertError(e) || e instanceof UsageError) {
    io.stderr.write(`exchcert: ${e.message}\n`);
    return EXIT.usage;
  }
  const err = e as Error;
  io.stderr.write(`exchcert: internal error: ${err?.message ?? String(e)}\n${process.env.EXCHCERT_DEBUG ? `${err?.stack ?? ''}\n` : ''}`);
  return EXIT.failed;
}
