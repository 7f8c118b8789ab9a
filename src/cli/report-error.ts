import { isExchcertError } from '../errors/exchcert-error.js';
import type { CliIo } from './cli-io.js';
import { visibleExcerpt, visibleText } from '../errors/visible-text.js';
import type { ParseError } from '../parser/parse-error.js';
import { EXIT } from './cli-io.js';

/** An error's message for the terminal: control characters visible; a parse error's caret kept under its column. */
export function displayMessage(e: Error): string {
  const parse = e as Partial<ParseError>;
  if (e.name === 'ParseError' && typeof parse.excerpt === 'string' && typeof parse.column === 'number' && e.message.endsWith(parse.excerpt)) {
    const head = e.message.slice(0, e.message.length - parse.excerpt.length);
    return `${visibleText(head)}${visibleExcerpt(parse.excerpt.slice(0, parse.excerpt.lastIndexOf('\n')), parse.column)}`;
  }
  return visibleText(e.message);
}

/** A usage problem found by the argument parser. */
export class UsageError extends Error {}

/** Prints an error the user caused as one clear message (never a stack trace) and gives the exit code. */
export function reportError(e: unknown, io: CliIo): number {
  if (isExchcertError(e) || e instanceof UsageError) {
    io.stderr.write(`exchcert: ${displayMessage(e)}\n`);
    return EXIT.usage;
  }
  const err = e as Error;
  io.stderr.write(visibleText(`exchcert: internal error: ${err?.message ?? String(e)}\n${process.env.EXCHCERT_DEBUG ? `${err?.stack ?? ''}\n` : ''}`));
  return EXIT.failed;
}
