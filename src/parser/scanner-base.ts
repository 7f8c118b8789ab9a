// The character-level core shared by the runbook scanners: position, offsets in the script, errors, tokens.
import type { ExpandablePart, NestedSubExpression, Token, TokenKind } from './token.js';
import type { SourceText } from './source-text.js';
import type { ParseError } from './parse-error.js';
import { isWhitespace } from './char-traits.js';

/** Command mode reads bare words and parameters; expression mode reads operators; typename mode reads `[Type]` names. */
export type TokenizerMode = 'command' | 'expression' | 'typename';

/** Collects an expandable string's value and parts while scanning. */
export class Expandable {
  value = '';
  private literal = '';
  private parts: ExpandablePart[] | null = null;

  add(text: string): void {
    this.value += text;
    this.literal += text;
  }

  nested(part: Token | NestedSubExpression, rawText: string): void {
    this.value += rawText;
    this.parts ??= [];
    if (this.literal.length > 0) this.parts.push(this.literal);
    this.literal = '';
    this.parts.push(part);
  }

  /** Removes the last `n` characters (the newline before a here-string footer). */
  dropTail(n: number): void {
    this.value = this.value.slice(0, this.value.length - n);
    this.literal = this.literal.slice(0, this.literal.length - n);
  }

  finish(): ExpandablePart[] | null {
    if (this.parts === null) return null;
    if (this.literal.length > 0) this.parts.push(this.literal);
    this.literal = '';
    return this.parts;
  }
}

/**
 * Reads `text[lo, hi)`: offsets are indices into `text`, and `origin()` maps them to the script
 * (`map` is set when `text` is a `$(...)` whose `""` pairs were folded).
 */
export abstract class ScannerBase {
  mode: TokenizerMode = 'command';
  /** A leading sign is part of a number (set while the parser reads a unary expression). */
  allowSignedNumbers = false;
  /** A number also ends at `?` or `:` (PowerShell 7 sets this where a ternary operator could follow). */
  forceEndNumberOnTernaryOpChars = false;
  /** Letters make a plain identifier even in command mode (member names, hash keys). */
  wantSimpleName = false;
  readonly src: SourceText;
  readonly text: string;
  readonly map: Int32Array | null;
  protected readonly top: boolean;
  protected readonly lo: number;
  protected hi: number;
  protected pos: number;
  protected tokenStart: number;

  constructor(src: SourceText, text: string, lo: number, hi: number, map: Int32Array | null, top: boolean) {
    this.src = src;
    this.text = text;
    this.map = map;
    this.top = top;
    this.lo = lo;
    this.hi = hi;
    this.pos = lo;
    this.tokenStart = lo;
  }

  /** The script offset of a local offset. */
  origin(i: number): number {
    const j = i < this.hi ? i : this.hi;
    return this.map ? this.map[j]! : j;
  }

  /**
   * The script offset where a token starting at local offset `i` begins. In a `$(...)` whose `""` pairs were
   * folded, a token starting at the kept quote begins at the folded one (as PowerShell's extents do).
   */
  originStart(i: number): number {
    const j = i < this.hi ? i : this.hi;
    if (this.map === null) return j;
    const o = this.map[j]!;
    return j > 0 && o > this.map[j - 1]! + 1 ? o - 1 : o;
  }

  /** The script offset just after the character before local offset `i` (an exclusive end). */
  originEnd(i: number): number {
    const j = i < this.hi ? i : this.hi;
    if (this.map === null) return j;
    return j > 0 ? this.map[j - 1]! + 1 : this.map[0]!;
  }

  /** The current offset. */
  get position(): number {
    return this.pos;
  }

  /** A ParseError at a local offset. */
  error(reason: string, at: number, incomplete = false): ParseError {
    return this.src.error(reason, this.origin(at), incomplete);
  }

  /** True when nothing but trivia follows the local offset in the whole script. */
  atEndOfScript(at: number): boolean {
    return this.src.onlyTriviaAfter(this.origin(at));
  }

  protected failIncomplete(reason: string, at: number): never {
    throw this.error(reason, at, this.atEndOfScript(this.pos));
  }

  protected getChar(): number {
    const i = this.pos++;
    return i >= this.hi ? 0 : this.text.charCodeAt(i);
  }

  protected peekChar(): number {
    return this.pos >= this.hi ? 0 : this.text.charCodeAt(this.pos);
  }

  protected atEof(): boolean {
    return this.pos > this.hi;
  }

  protected normalizeCRLF(c: number): void {
    if (c === 0x0d && this.peekChar() === 0x0a) this.pos++;
  }

  protected skipWhiteSpace(): void {
    while (this.pos < this.hi && isWhitespace(this.text.charCodeAt(this.pos))) this.pos++;
  }

  protected token(kind: TokenKind, value?: string): Token {
    const text = this.text.slice(this.tokenStart, this.pos);
    return { kind, start: this.tokenStart, end: this.pos, text, value: value ?? text };
  }

  protected expandableToken(kind: TokenKind, acc: Expandable): Token {
    const text = this.text.slice(this.tokenStart, this.pos);
    const parts = acc.finish();
    if (parts === null) return { kind, start: this.tokenStart, end: this.pos, text, value: acc.value };
    return { kind, start: this.tokenStart, end: this.pos, text, value: acc.value, parts };
  }

  /** Moves back (or forward) to a local offset. */
  resync(at: number): void {
    this.pos = at;
  }

  /** The current offset, for a later resync. */
  restorePoint(): number {
    this.tokenStart = this.pos;
    return this.pos;
  }
}
