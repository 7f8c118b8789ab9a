import { ExchcertError } from '../errors/exchcert-error.js';

/**
 * A syntax error at a line and column; `message` ends with the source line and a caret under the spot.
 * @example try { parse("'open") } catch (e) { if (e instanceof ParseError) console.log(e.line, e.column) }
 */
export class ParseError extends ExchcertError {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
  /** The message without the source excerpt. */
  readonly reason: string;
  /** The source line and the caret line under it. */
  readonly excerpt: string;
  /** True when more input could complete the script (unterminated string, missing `}`). */
  readonly incompleteInput: boolean;

  constructor(fields: {
    reason: string;
    line: number;
    column: number;
    offset: number;
    sourceLine: string;
    incompleteInput?: boolean;
    file?: string;
  }) {
    const caretPad = [...fields.sourceLine.slice(0, fields.column - 1)]
      .map((ch) => (ch === '\t' ? '\t' : ' '))
      .join('');
    const excerpt = `${fields.sourceLine}\n${caretPad}^`;
    const where = `${fields.file ?? 'line'}${fields.file ? ':' : ' '}${fields.line}:${fields.column}`;
    super('PARSE_ERROR', `${where}: ${fields.reason}\n${excerpt}`);
    this.line = fields.line;
    this.column = fields.column;
    this.offset = fields.offset;
    this.reason = fields.reason;
    this.excerpt = excerpt;
    this.incompleteInput = fields.incompleteInput ?? false;
  }
}
