// The script being parsed: offsets to 1-based line/column positions, extents and errors.
import type { Extent } from '../ast/ast.js';
import { ParseError } from './parse-error.js';
import { isWhitespace } from './char-traits.js';

/** The full script text with a line-start table (lines end at CR, LF or CRLF, as in PowerShell). */
export class SourceText {
  readonly text: string;
  readonly file: string | undefined;
  private readonly lineStarts: number[];
  private hint = 0;

  constructor(text: string, file?: string) {
    this.text = text;
    this.file = file;
    const starts = [0];
    let lf = text.indexOf('\n');
    let cr = text.indexOf('\r');
    while (lf >= 0 || cr >= 0) {
      let next: number;
      if (cr >= 0 && (lf < 0 || cr < lf)) {
        next = cr + 1 === lf ? lf + 1 : cr + 1;
      } else {
        next = lf + 1;
      }
      starts.push(next);
      if (lf >= 0 && lf < next) lf = text.indexOf('\n', next);
      if (cr >= 0 && cr < next) cr = text.indexOf('\r', next);
    }
    this.lineStarts = starts;
  }

  /** The 0-based index of the line holding `offset`. */
  lineIndex(offset: number): number {
    const starts = this.lineStarts;
    // Extents are mostly made in source order: try the last line first.
    const h = this.hint;
    if (starts[h]! <= offset && (h + 1 >= starts.length || starts[h + 1]! > offset)) return h;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.hint = lo;
    return lo;
  }

  /** An extent over `[start, end)` with 1-based lines and columns counted in UTF-16 code units; `text` if known. */
  extent(start: number, end: number, text?: string): Extent {
    return new SourceExtent(this, start, end < start ? start : end, text);
  }

  /** The 1-based column of `offset` on line index `line`. */
  column(line: number, offset: number): number {
    return offset - this.lineStarts[line]! + 1;
  }

  /** The text of the line holding `offset`, without its newline. */
  lineText(offset: number): string {
    const li = this.lineIndex(offset);
    const start = this.lineStarts[li]!;
    let end = li + 1 < this.lineStarts.length ? this.lineStarts[li + 1]! : this.text.length;
    while (end > start && (this.text.charCodeAt(end - 1) === 0x0a || this.text.charCodeAt(end - 1) === 0x0d)) end--;
    return this.text.slice(start, end);
  }

  /** True when only whitespace, newlines and comments follow `offset` (PowerShell's incomplete-input test). */
  onlyTriviaAfter(offset: number): boolean {
    const s = this.text;
    for (let i = offset; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 0x23) {
        while (i < s.length && s.charCodeAt(i) !== 0x0a && s.charCodeAt(i) !== 0x0d) i++;
        continue;
      }
      if (c === 0x3c && s.charCodeAt(i + 1) === 0x23) {
        const close = s.indexOf('#>', i + 2);
        if (close < 0) return true;
        i = close + 1;
        continue;
      }
      if (c !== 0x0a && c !== 0x0d && !isWhitespace(c)) return false;
    }
    return true;
  }

  /** A ParseError at `offset`; `incomplete` marks input that more text could complete. */
  error(reason: string, offset: number, incomplete = false): ParseError {
    const off = Math.max(0, Math.min(offset, this.text.length));
    const li = this.lineIndex(off);
    return new ParseError({
      reason,
      line: li + 1,
      column: off - this.lineStarts[li]! + 1,
      offset: off,
      sourceLine: this.lineText(off),
      incompleteInput: incomplete,
      ...(this.file !== undefined ? { file: this.file } : {}),
    });
  }
}

/**
 * An extent that holds only its offsets: lines, columns and text are worked out when read (a large script's AST has
 * hundreds of thousands of extents, most never read). Serialises as the plain Extent.
 */
class SourceExtent implements Extent {
  readonly startOffset: number;
  readonly endOffset: number;
  readonly #src: SourceText;
  #known: string | undefined;

  constructor(src: SourceText, start: number, end: number, text: string | undefined) {
    this.#src = src;
    this.startOffset = start;
    this.endOffset = end;
    this.#known = text;
  }

  get startLine(): number {
    return this.#src.lineIndex(this.startOffset) + 1;
  }

  get startColumn(): number {
    return this.#src.column(this.#src.lineIndex(this.startOffset), this.startOffset);
  }

  get endLine(): number {
    return this.#src.lineIndex(this.endOffset) + 1;
  }

  get endColumn(): number {
    return this.#src.column(this.#src.lineIndex(this.endOffset), this.endOffset);
  }

  get text(): string {
    this.#known ??= this.#src.text.slice(this.startOffset, this.endOffset);
    return this.#known;
  }

  toJSON(): Extent {
    const { startLine, startColumn, endLine, endColumn, startOffset, endOffset, text } = this;
    return { startLine, startColumn, endLine, endColumn, startOffset, endOffset, text };
  }
}
