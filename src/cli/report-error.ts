import { isExchcertError } from '../errors/exchcert-error.js';
import type { CliIo } from './cli-io.js';
import { visibleExcerpt, visibleText } from '../errors/visible-text.js';
import { EXIT } from './cli-io.js';

/** An error's message for the terminal: control characters visible; a parse error's caret kept under its column. */
export function displayMessage(e: Error): string {
  // A message ending in a source line and a caret line under it: rebuild both so the caret stays under its column.
  const lines = e.message.split('\n');
  const caret = lines[lines.length - 1] ?? '';
  if (e.name === 'ParseError' && lines.length >= 3 && /^[ \t]*\^$/.test(caret)) {
    const source = [...lines[lines.length - 2]!];
    const column = [...caret].length; // the parser pads one space (or tab) per code point
    const excerpt = visibleExcerpt(source.join(''), source.slice(0, column - 1).join('').length + 1);
    return `${visibleText(lines.slice(0, -2).join('\n'))}\n${excerpt}`;
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
  const stack = io.env.EXCHCERT_DEBUG ? `${err?.stack ?? ''}\n` : '';
  io.stderr.write(visibleText(`exchcert: internal error: ${err?.message ?? String(e)}\n${stack}`));
  return EXIT.failed;
}
