// PowerShell-like tokenizer with command, expression and type-name modes (after PowerShell's tokenizer.cs).
import type { ExpandablePart, NestedSubExpression, Token, TokenKind } from './token.js';
import type { SourceText } from './source-text.js';
import type { ParseError } from './parse-error.js';
import {
  forceStartNewToken,
  forceStartNewTokenAfterNumber,
  isDash,
  isDecimalDigit,
  isDigit,
  isDotNetWhiteSpace,
  isDoubleQuote,
  isHexDigit,
  isIdentifierFollow,
  isIdentifierStart,
  isLetter,
  isLetterOrDigit,
  isMultiplierStart,
  isSingleQuote,
  isTypeSuffix,
  isVariableStart,
  isWhitespace,
} from './char-traits.js';
import { numberValue, Suffix, type NumberFormat } from './number-literal.js';

/** Command mode reads bare words and parameters; expression mode reads operators; typename mode reads `[Type]` names. */
export type TokenizerMode = 'command' | 'expression' | 'typename';

/** PowerShell's keywords (case-insensitive); only command mode turns a word into a keyword. */
export const KEYWORDS: ReadonlySet<string> = new Set([
  'elseif', 'if', 'else', 'switch', 'foreach', 'from', 'in', 'for', 'while', 'until', 'do', 'try', 'catch', 'finally',
  'trap', 'data', 'return', 'continue', 'break', 'exit', 'throw', 'begin', 'process', 'end', 'dynamicparam', 'function',
  'filter', 'param', 'class', 'define', 'var', 'using', 'workflow', 'parallel', 'sequence', 'configuration', 'public',
  'private', 'static', 'interface', 'enum', 'namespace', 'module', 'type', 'assembly', 'command', 'hidden', 'base',
  'default', 'clean',
]);

/** Dash operators (without the dash) recognized in expression mode. */
export const OPERATORS: ReadonlySet<string> = new Set([
  'bnot', 'not', 'eq', 'ieq', 'ceq', 'ne', 'ine', 'cne', 'ge', 'ige', 'cge', 'gt', 'igt', 'cgt', 'lt', 'ilt', 'clt', 'le',
  'ile', 'cle', 'like', 'ilike', 'clike', 'notlike', 'inotlike', 'cnotlike', 'match', 'imatch', 'cmatch', 'notmatch',
  'inotmatch', 'cnotmatch', 'replace', 'ireplace', 'creplace', 'contains', 'icontains', 'ccontains', 'notcontains',
  'inotcontains', 'cnotcontains', 'in', 'iin', 'cin', 'notin', 'inotin', 'cnotin', 'split', 'isplit', 'csplit', 'isnot',
  'is', 'as', 'f', 'and', 'band', 'or', 'bor', 'xor', 'bxor', 'join', 'shl', 'shr',
]);

const SIGNATURE = 'sig#beginsignatureblock\n';

/** Collects an expandable string's value and parts while scanning. */
class Expandable {
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

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! : Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + 1);
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * Scans one token at a time from `text[lo, hi)` in the current `mode`; the parser switches modes and
 * rescans (resync) as PowerShell's parser does. Offsets are indices into `text`; `origin()` maps them to the script.
 */
export class Tokenizer {
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
  private readonly top: boolean;
  private readonly lo: number;
  private hi: number;
  private pos: number;
  private tokenStart: number;

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
    const j = Math.min(i, this.hi);
    return this.map ? this.map[j]! : j;
  }

  /** The script offset just after the character before local offset `i` (an exclusive end). */
  originEnd(i: number): number {
    const j = Math.min(i, this.hi);
    if (this.map === null) return j;
    return j > 0 ? this.map[j - 1]! + 1 : this.map[0]!;
  }

  /** The end of the text being scanned. */
  get end(): number {
    return this.hi;
  }

  /** A ParseError at a local offset. */
  error(reason: string, at: number, incomplete = false): ParseError {
    return this.src.error(reason, this.origin(at), incomplete);
  }

  /** True when nothing but trivia follows the local offset in the whole script. */
  atEndOfScript(at: number): boolean {
    return this.src.onlyTriviaAfter(this.origin(at));
  }

  private failIncomplete(reason: string, at: number): never {
    throw this.error(reason, at, this.atEndOfScript(this.pos));
  }

  // ---- character access (PowerShell's GetChar/PeekChar: NUL past the end) ----

  private getChar(): number {
    const i = this.pos++;
    return i >= this.hi ? 0 : this.text.charCodeAt(i);
  }

  private peekChar(): number {
    return this.pos >= this.hi ? 0 : this.text.charCodeAt(this.pos);
  }

  private atEof(): boolean {
    return this.pos > this.hi;
  }

  private normalizeCRLF(c: number): void {
    if (c === 0x0d && this.peekChar() === 0x0a) this.pos++;
  }

  private skipWhiteSpace(): void {
    while (this.pos < this.hi && isWhitespace(this.text.charCodeAt(this.pos))) this.pos++;
  }

  private token(kind: TokenKind, value?: string): Token {
    const text = this.text.slice(this.tokenStart, this.pos);
    return { kind, start: this.tokenStart, end: this.pos, text, value: value ?? text };
  }

  private expandableToken(kind: TokenKind, acc: Expandable): Token {
    const text = this.text.slice(this.tokenStart, this.pos);
    const parts = acc.finish();
    if (parts === null) return { kind, start: this.tokenStart, end: this.pos, text, value: acc.value };
    return { kind, start: this.tokenStart, end: this.pos, text, value: acc.value, parts };
  }

  // ---- parser services ----

  /** Moves back (or forward) to a local offset. */
  resync(at: number): void {
    this.pos = at;
  }

  /** The current offset, for a later resync. */
  restorePoint(): number {
    this.tokenStart = this.pos;
    return this.pos;
  }

  /** Skips whitespace, comments, line continuations, newlines (and `;` when asked). */
  skipNewlines(skipSemis: boolean): void {
    for (;;) {
      const c = this.getChar();
      if (c === 0x0d || c === 0x0a) {
        this.normalizeCRLF(c);
        continue;
      }
      if (c === 0x3b && skipSemis) continue;
      if (c === 0x23) {
        this.tokenStart = this.pos - 1;
        this.scanLineComment();
        continue;
      }
      if (c === 0x3c && this.peekChar() === 0x23) {
        this.tokenStart = this.pos - 1;
        this.pos++;
        this.scanBlockComment();
        continue;
      }
      if (c === 0x60) {
        const c1 = this.getChar();
        if (c1 === 0x0a || c1 === 0x0d) {
          this.normalizeCRLF(c1);
          continue;
        }
        if (isDotNetWhiteSpace(c1)) {
          this.skipWhiteSpace();
          continue;
        }
        this.pos--;
      } else if (c !== 0 && isWhitespace(c)) {
        this.skipWhiteSpace();
        continue;
      }
      this.pos--;
      return;
    }
  }

  /**
   * True when the next non-blank line (comments skipped) starts with `|`: PowerShell 7 pipeline continuation.
   * Inside a `$(...)` taken from a string PowerShell looks at the script offset within the nested text; so do we.
   */
  isPipeContinuation(at: number): boolean {
    const s = this.text;
    const base = this.top ? 0 : this.lo;
    const end = this.hi;
    let i = this.top ? at : base + this.origin(at);
    if (i >= end) return false;
    let lastWasNewline = true;
    while (i < end - 1) {
      const c = s.charCodeAt(i);
      if (isWhitespace(c)) {
        i++;
        continue;
      }
      if (c === 0x0a || c === 0x0d) {
        if (lastWasNewline) return false;
        lastWasNewline = true;
        i += c === 0x0d && s.charCodeAt(i + 1) === 0x0a ? 2 : 1;
        continue;
      }
      lastWasNewline = false;
      if (c === 0x23) {
        while (i < end && s.charCodeAt(i) !== 0x0a && s.charCodeAt(i) !== 0x0d) i++;
        continue;
      }
      if (c === 0x3c && s.charCodeAt(i + 1) === 0x23) {
        const close = s.indexOf('#>', i + 2);
        i = close < 0 || close + 2 > end ? end : close + 2;
        continue;
      }
      return c === 0x7c;
    }
    return s.charCodeAt(end - 1) === 0x7c;
  }

  /** A `.`, `::`, `[` (when allowed) or `?.`/`?[` right here (no whitespace), else null. */
  memberAccessOperator(allowLBracket: boolean): Token | null {
    let c = this.peekChar();
    while (c === 0x3c) {
      this.tokenStart = this.pos;
      this.pos++;
      if (this.peekChar() !== 0x23) {
        this.pos--;
        return null;
      }
      this.pos++;
      this.scanBlockComment();
      c = this.peekChar();
    }
    const inCommand = this.mode === 'command';
    const endsHere = (ch: number): boolean => isWhitespace(ch) || ch === 0 || ch === 0x0d || ch === 0x0a;
    if (c === 0x2e) {
      this.tokenStart = this.pos;
      this.pos++;
      c = this.peekChar();
      if (c !== 0x2e) {
        if (inCommand && endsHere(c)) {
          this.pos--;
          return null;
        }
        return this.token('Dot');
      }
      this.pos--;
      return null;
    }
    if (c === 0x3a) {
      this.tokenStart = this.pos;
      this.pos++;
      if (this.peekChar() === 0x3a) {
        this.pos++;
        if (inCommand && endsHere(this.peekChar())) {
          this.pos -= 2;
          return null;
        }
        return this.token('ColonColon');
      }
      this.pos--;
      return null;
    }
    if (c === 0x5b && allowLBracket) {
      this.tokenStart = this.pos;
      this.pos++;
      return this.token('LBracket');
    }
    if (c === 0x3f) {
      this.tokenStart = this.pos;
      this.pos++;
      c = this.peekChar();
      if (c === 0x2e) {
        this.pos++;
        return this.token('QuestionDot');
      }
      if (c === 0x5b && allowLBracket) {
        this.pos++;
        return this.token('QuestionLBracket');
      }
      this.pos--;
      return null;
    }
    return null;
  }

  /** A `(` or `{` right here (method call), else null. */
  invokeMemberOpenParen(): Token | null {
    const c = this.peekChar();
    if (c === 0x28 || c === 0x7b) {
      this.tokenStart = this.pos;
      this.pos++;
      return this.token(c === 0x28 ? 'LParen' : 'LCurly');
    }
    return null;
  }

  /** A `[` after optional whitespace and comments (not newlines), else null. */
  lBracket(): Token | null {
    const resyncPoint = this.pos;
    let sawSpace = false;
    for (;;) {
      this.tokenStart = this.pos;
      const c = this.getChar();
      if (c === 0x5b) return this.token('LBracket');
      if (c !== 0 && isWhitespace(c)) {
        sawSpace = true;
        this.skipWhiteSpace();
        continue;
      }
      if (c === 0x23) {
        sawSpace = true;
        this.scanLineComment();
        continue;
      }
      if (c === 0x3c && this.peekChar() === 0x23) {
        sawSpace = false;
        this.pos++;
        this.scanBlockComment();
        continue;
      }
      if ((c === 0x2e || c === 0x3a) && sawSpace) {
        this.pos = resyncPoint;
        return null;
      }
      this.pos--;
      return null;
    }
  }

  /** The rest of the line after `--%` (stops at `|` or `&&` outside double quotes). */
  verbatimArgument(): Token {
    this.skipWhiteSpace();
    this.tokenStart = this.pos;
    let inQuotes = false;
    for (;;) {
      const c = this.getChar();
      if (c === 0x0d || c === 0x0a || (c === 0 && this.atEof())) {
        this.pos--;
        break;
      }
      if (isDoubleQuote(c)) {
        inQuotes = !inQuotes;
        continue;
      }
      if (!inQuotes && (c === 0x7c || (c === 0x26 && !this.atEof() && this.peekChar() === 0x26))) {
        this.pos--;
        break;
      }
    }
    return this.token('Generic');
  }

  // ---- the main scanner ----

  /** The next token in the current mode. */
  next(): Token {
    for (;;) {
      this.tokenStart = this.pos;
      const c = this.getChar();
      switch (c) {
        case 0x20: case 0x09: case 0x0b: case 0x0c: case 0xa0: case 0x85:
          this.skipWhiteSpace();
          continue;
        case 0x27: case 0x2018: case 0x2019: case 0x201a: case 0x201b:
          return this.token('StringLiteral', this.scanStringLiteralBody());
        case 0x22: case 0x201c: case 0x201d: case 0x201e: {
          const acc = new Expandable();
          this.scanStringExpandableBody(acc);
          return this.expandableToken('StringExpandable', acc);
        }
        case 0x40:
          return this.scanAt();
        case 0x23:
          this.scanLineComment();
          continue;
        case 0x0a:
          return this.token('NewLine');
        case 0x0d:
          this.normalizeCRLF(c);
          return this.token('NewLine');
        case 0x60: {
          const c1 = this.getChar();
          if (c1 === 0x0d) this.normalizeCRLF(c1);
          if (c1 === 0x0a || c1 === 0x0d) continue;
          if (isDotNetWhiteSpace(c1)) {
            this.skipWhiteSpace();
            continue;
          }
          if (c1 === 0 && this.atEof()) this.failIncomplete('Incomplete string token.', this.pos - 1);
          return this.scanGeneric(this.backtick(c1), false);
        }
        case 0x3d:
          return this.operatorInCommandMode(c, 'Equals');
        case 0x2b: {
          const c1 = this.peekChar();
          if (c1 === 0x2b || c1 === 0x3d) {
            this.pos++;
            return this.operatorInCommandMode2(c, c1, c1 === 0x2b ? 'PlusPlus' : 'PlusEquals');
          }
          if (this.allowSignedNumbers && (isDigit(c1) || c1 === 0x2e)) return this.scanNumber(c);
          return this.operatorInCommandMode(c, 'Plus');
        }
        case 0x2d: case 0x2013: case 0x2014: case 0x2015: {
          const c1 = this.peekChar();
          if (isDash(c1)) {
            this.pos++;
            return this.operatorInCommandMode2(c, c1, 'MinusMinus');
          }
          if (c1 === 0x3d) {
            this.pos++;
            return this.operatorInCommandMode2(c, c1, 'MinusEquals');
          }
          if (isLetter(c1) || c1 === 0x5f || c1 === 0x3f) return this.scanParameter();
          if (this.allowSignedNumbers && (isDigit(c1) || c1 === 0x2e)) return this.scanNumber(c);
          return this.operatorInCommandMode(c, 'Minus');
        }
        case 0x2a: {
          const c1 = this.peekChar();
          if (c1 === 0x3d) {
            this.pos++;
            return this.operatorInCommandMode2(c, c1, 'MultiplyEquals');
          }
          if (c1 === 0x3e) {
            this.pos++;
            if (this.peekChar() === 0x3e) this.pos++;
            else if (this.peekChar() === 0x26 && this.text.charCodeAt(this.pos + 1) === 0x31 && this.pos + 1 < this.hi) this.pos += 2;
            return this.token('Redirection');
          }
          return this.operatorInCommandMode(c, 'Multiply');
        }
        case 0x2f:
          if (this.peekChar() === 0x3d) {
            this.pos++;
            return this.operatorInCommandMode2(c, 0x3d, 'DivideEquals');
          }
          return this.operatorInCommandMode(c, 'Divide');
        case 0x25:
          if (this.peekChar() === 0x3d) {
            this.pos++;
            return this.operatorInCommandMode2(c, 0x3d, 'RemainderEquals');
          }
          return this.operatorInCommandMode(c, 'Rem');
        case 0x24:
          if (this.peekChar() === 0x28) {
            this.pos++;
            return this.token('DollarParen');
          }
          return this.scanVariable(false, false);
        case 0x3c:
          if (this.peekChar() === 0x23) {
            this.pos++;
            this.scanBlockComment();
            continue;
          }
          return this.token('RedirectInStd');
        case 0x3e:
          if (this.peekChar() === 0x3e) this.pos++;
          return this.token('Redirection');
        case 0x28:
          return this.token('LParen');
        case 0x29:
          return this.token('RParen');
        case 0x5b:
          if (this.mode === 'command' && !forceStartNewToken(this.peekChar())) return this.scanGeneric('[');
          return this.token('LBracket');
        case 0x5d:
          return this.token('RBracket');
        case 0x7b:
          return this.token('LCurly');
        case 0x7d:
          return this.token('RCurly');
        case 0x2e:
          return this.scanDot();
        case 0x3b:
          return this.token('Semi');
        case 0x2c:
          return this.token('Comma');
        case 0x30: case 0x37: case 0x38: case 0x39:
          return this.scanNumber(c);
        case 0x31: case 0x32: case 0x33: case 0x34: case 0x35: case 0x36:
          if (this.peekChar() === 0x3e) {
            this.pos++;
            const c1 = this.peekChar();
            if (c1 === 0x3e) this.pos++;
            else if (c1 === 0x26) {
              const c2 = this.pos + 1 < this.hi ? this.text.charCodeAt(this.pos + 1) : 0;
              if (c2 === 0x31 || c2 === 0x32) this.pos += 2;
            }
            return this.token('Redirection');
          }
          return this.scanNumber(c);
        case 0x26:
          if (this.peekChar() === 0x26) {
            this.pos++;
            return this.token('AndAnd');
          }
          return this.token('Ampersand');
        case 0x7c:
          if (this.peekChar() === 0x7c) {
            this.pos++;
            return this.token('OrOr');
          }
          return this.token('Pipe');
        case 0x21:
          return this.scanExclaim(c);
        case 0x3a:
          return this.scanColon();
        case 0x3f:
          if (this.mode === 'expression') return this.scanQuestion();
          return this.scanGeneric('?');
        case 0:
          if (this.atEof()) {
            this.pos = this.hi;
            this.tokenStart = this.hi;
            return this.token('EndOfInput');
          }
          return this.scanGeneric('\0');
        default:
          if (isWhitespace(c)) {
            this.skipWhiteSpace();
            continue;
          }
          if (isLetter(c) || c === 0x5f) return this.scanIdentifier();
          return this.scanGeneric(String.fromCharCode(c));
      }
    }
  }

  // ---- comments ----

  private scanLineComment(): void {
    const start = this.pos;
    const s = this.text;
    let i = start;
    // PowerShell compares the comment's non-blank characters (plus its terminator) with the signature header.
    let sig: string | null = this.top ? '' : null;
    while (i < this.hi) {
      const c = s.charCodeAt(i);
      if (c === 0x0a || c === 0x0d) break;
      if (sig !== null && !isWhitespace(c)) sig = sig.length > SIGNATURE.length + 10 ? null : sig + s[i];
      i++;
    }
    this.pos = i;
    if (sig !== null) this.checkSignature(sig + (i < this.hi ? s[i] : '\0'), i);
  }

  private checkSignature(line: string, end: number): void {
    if (line.length > SIGNATURE.length + 10 || line.length < SIGNATURE.length - 10) return;
    if (levenshtein(line.toLowerCase(), SIGNATURE) >= 10) return;
    // A signature block ends the script: only comments may follow it.
    const tail = new Tokenizer(this.src, this.text, end, this.hi, this.map, false);
    tail.skipNewlines(false);
    if (tail.pos < this.hi) throw this.error('Executable script code found in signature block.', tail.pos);
    this.hi = end;
  }

  private scanBlockComment(): void {
    const errorIndex = this.pos - 2;
    const close = this.text.indexOf('#>', this.pos);
    if (close < 0 || close + 2 > this.hi) {
      this.pos = this.hi;
      this.failIncomplete("The terminator '#>' is missing from the multiline comment.", errorIndex);
    }
    this.pos = close + 2;
  }

  // ---- strings ----

  /** After an opening single quote: the value up to the closing quote (a doubled quote yields the second). */
  private scanStringLiteralBody(): string {
    const errorIndex = this.pos - 1;
    const s = this.text;
    let value = '';
    let seg = this.pos;
    let i = this.pos;
    for (;;) {
      if (i >= this.hi) {
        this.pos = this.hi;
        this.failIncomplete("The string is missing the terminator: '.", errorIndex);
      }
      const c = s.charCodeAt(i);
      if (isSingleQuote(c)) {
        value += s.slice(seg, i);
        if (i + 1 < this.hi && isSingleQuote(s.charCodeAt(i + 1))) {
          value += s[i + 1];
          i += 2;
          seg = i;
          continue;
        }
        this.pos = i + 1;
        return value;
      }
      i++;
    }
  }

  /** After an opening double quote: value and parts up to the closing quote. */
  private scanStringExpandableBody(acc: Expandable): void {
    const errorIndex = this.pos - 1;
    const s = this.text;
    for (;;) {
      // Copy a run of ordinary characters at once.
      let i = this.pos;
      while (i < this.hi) {
        const ch = s.charCodeAt(i);
        if (ch === 0x24 || ch === 0x60 || isDoubleQuote(ch)) break;
        i++;
      }
      if (i > this.pos) {
        acc.add(s.slice(this.pos, i));
        this.pos = i;
      }
      const c = this.getChar();
      if (c === 0 && this.atEof()) {
        this.pos--;
        this.failIncomplete('The string is missing the terminator: ".', errorIndex);
      }
      if (isDoubleQuote(c)) {
        if (!isDoubleQuote(this.peekChar())) return;
        acc.add(this.text[this.pos++]!);
        continue;
      }
      if (c === 0x24) {
        if (this.scanDollarInExpandable(acc, false)) continue;
      } else if (c === 0x60) {
        const c1 = this.peekChar();
        if (c1 !== 0) {
          this.pos++;
          acc.add(this.backtick(c1));
          continue;
        }
      }
      acc.add(String.fromCharCode(c));
    }
  }

  /** After a `$` in an expandable string or bare word: a variable or `$(...)` part, else false. */
  private scanDollarInExpandable(acc: Expandable, hereString: boolean): boolean {
    const dollar = this.pos - 1;
    const c1 = this.peekChar();
    const saveStart = this.tokenStart;
    const saveMode = this.mode;
    let part: Token | NestedSubExpression | null = null;
    try {
      this.mode = 'expression';
      if (c1 === 0x28) {
        this.pos++;
        part = this.scanSubExpression(hereString);
      } else if (isVariableStart(c1) || c1 === 0x7b) {
        this.tokenStart = dollar;
        part = this.scanVariable(false, true);
      }
    } finally {
      this.tokenStart = saveStart;
      this.mode = saveMode;
    }
    if (part === null) return false;
    acc.nested(part, this.text.slice(dollar, this.pos));
    return true;
  }

  /** After `$(` inside a string: the text up to the matching `)` by plain paren counting, as PowerShell does. */
  private scanSubExpression(hereString: boolean): NestedSubExpression {
    const start = this.pos - 2;
    const s = this.text;
    let depth = 1;
    let skipped: number[] | null = null;
    for (;;) {
      const c = this.getChar();
      if (c === 0 && this.atEof()) {
        this.pos--;
        this.failIncomplete("$(subexpression) is missing the closing ')'.", start);
      }
      if (c === 0x28) depth++;
      else if (c === 0x29) {
        if (--depth === 0) break;
      } else if (c === 0x60 || isDoubleQuote(c)) {
        if (!hereString && isDoubleQuote(this.peekChar())) {
          (skipped ??= []).push(this.pos - 1);
          this.pos++;
        }
      }
    }
    const end = this.pos;
    if (skipped === null) return { kind: 'subexpression', text: s.slice(start, end), start, end, map: null };
    let text = '';
    const map: number[] = [];
    let k = 0;
    for (let i = start; i < end; i++) {
      if (k < skipped.length && skipped[k] === i) {
        k++;
        continue;
      }
      text += s[i];
      map.push(this.origin(i));
    }
    map.push(this.origin(end));
    return { kind: 'subexpression', text, start, end, map: Int32Array.from(map) };
  }

  private scanAt(): Token {
    const c1 = this.getChar();
    if (c1 === 0x7b) return this.token('AtCurly');
    if (c1 === 0x28) return this.token('AtParen');
    if (isSingleQuote(c1)) return this.scanHereString(false);
    if (isDoubleQuote(c1)) return this.scanHereString(true);
    this.pos--;
    if (isVariableStart(c1)) return this.scanVariable(true, false);
    throw this.error('Unrecognized token in source text.', this.pos - 1);
  }

  /** After `@'` or `@"`: a here-string (closed by a newline, the quote and `@` at column 0). */
  private scanHereString(expandable: boolean): Token {
    const headerOffset = this.pos - 2;
    const isQuote = expandable ? isDoubleQuote : isSingleQuote;
    const footer = expandable ? '"@' : "'@";
    let c: number;
    do c = this.getChar();
    while (c !== 0 && isWhitespace(c));
    if (c === 0x0d) this.normalizeCRLF(c);
    else if (c !== 0x0a) {
      if (c === 0 && this.atEof()) {
        this.pos--;
        this.failIncomplete(`The string is missing the terminator: ${footer}.`, headerOffset);
      }
      this.pos--;
      throw this.error('No characters are allowed after a here-string header but before the end of the line.', this.pos);
    }
    const acc = new Expandable();
    let falseFooter = -1;
    // Returns true at the real footer; whitespace before a would-be footer is content (and remembered for the error).
    const footerAhead = (): boolean => {
      let ch = this.getChar();
      if (isQuote(ch) && this.peekChar() === 0x40) {
        this.pos++;
        return true;
      }
      while (ch !== 0 && isWhitespace(ch)) {
        acc.add(String.fromCharCode(ch));
        ch = this.getChar();
      }
      if (ch === 0x0d || ch === 0x0a || (ch === 0 && this.atEof())) {
        this.pos--;
        return false;
      }
      if (isQuote(ch) && this.peekChar() === 0x40) {
        if (falseFooter < 0) falseFooter = this.pos - 1;
        acc.add(String.fromCharCode(ch));
        acc.add(String.fromCharCode(this.getChar()));
      } else {
        this.pos--;
      }
      return false;
    };
    const missing = (): never => {
      this.pos = Math.min(this.pos, this.hi);
      if (falseFooter >= 0) this.failIncomplete('White space is not allowed before the string terminator.', falseFooter);
      return this.failIncomplete(`The string is missing the terminator: ${footer}.`, headerOffset);
    };
    if (!footerAhead()) {
      for (;;) {
        const ch = this.getChar();
        if (ch === 0x0d || ch === 0x0a) {
          const nl = ch === 0x0d && this.peekChar() === 0x0a ? (this.pos++, '\r\n') : String.fromCharCode(ch);
          acc.add(nl);
          if (footerAhead()) {
            acc.dropTail(nl.length);
            break;
          }
          continue;
        }
        if (ch === 0 && this.atEof()) {
          this.pos--;
          missing();
        }
        if (expandable && ch === 0x24) {
          if (this.scanDollarInExpandable(acc, true)) continue;
        } else if (expandable && ch === 0x60) {
          const c1 = this.peekChar();
          if (c1 !== 0) {
            this.pos++;
            acc.add(this.backtick(c1));
            continue;
          }
        }
        acc.add(String.fromCharCode(ch));
      }
    }
    return this.expandableToken(expandable ? 'HereStringExpandable' : 'HereStringLiteral', acc);
  }


  // ---- escapes ----

  /** The character(s) for a backtick escape whose letter `c` was just consumed. */
  private backtick(c: number): string {
    switch (c) {
      case 0x30: return '\0';
      case 0x61: return '\x07';
      case 0x62: return '\b';
      case 0x65: return '\x1b';
      case 0x66: return '\f';
      case 0x6e: return '\n';
      case 0x72: return '\r';
      case 0x74: return '\t';
      case 0x75: return this.scanUnicodeEscape();
      case 0x76: return '\v';
      default: return String.fromCharCode(c);
    }
  }

  /** After `` `u ``: `{` one to six hex digits `}` (PowerShell 6+). */
  private scanUnicodeEscape(): string {
    const escStart = this.pos - 2;
    const invalid = "The Unicode escape sequence is not valid. A valid sequence is `u{ followed by one to six hex digits and a closing '}'.";
    if (this.getChar() !== 0x7b) {
      this.pos--;
      throw this.error(invalid, escStart);
    }
    let hex = '';
    for (let i = 0; i < 7; i++) {
      const c = this.getChar();
      if (c === 0x7d) {
        if (i === 0) throw this.error(invalid, escStart);
        break;
      }
      if (!isHexDigit(c)) {
        this.pos--;
        throw this.error(i < 6 ? invalid : "The Unicode escape sequence is missing the closing '}'.", this.pos);
      }
      if (i === 6) {
        this.pos--;
        throw this.error('The Unicode escape sequence contains more than the maximum of six hex digits between braces.', this.pos);
      }
      hex += String.fromCharCode(c);
    }
    const cp = parseInt(hex, 16);
    if (cp > 0x10ffff) throw this.error('The Unicode escape sequence value is out of range. The maximum value is 0x10FFFF.', escStart + 3);
    return String.fromCodePoint(cp);
  }

  // ---- variables ----

  /** After `$` (or `@` when splatted): a variable, or a bare word in command mode when more text is glued on. */
  private scanVariable(splatted: boolean, inExpandable: boolean): Token {
    const errorStart = this.pos;
    const inCommand = this.mode === 'command';
    let c = this.getChar();
    if (c === 0x7b) {
      let name = '';
      let closed = false;
      for (;;) {
        c = this.getChar();
        if (c === 0x7d) {
          closed = true;
          break;
        }
        if (c === 0 && this.atEof()) {
          this.pos--;
          break;
        }
        if (c === 0x60) {
          const c1 = this.getChar();
          if (c1 === 0 && this.atEof()) {
            this.pos--;
            break;
          }
          name += this.backtick(c1);
          continue;
        }
        if (isDoubleQuote(c) && inExpandable) {
          const c1 = this.getChar();
          if (c1 === 0 && this.atEof()) {
            this.pos--;
            break;
          }
          if (isDoubleQuote(c1)) c = c1;
          else this.pos--;
        } else if (c === 0x7b) {
          throw this.error('Use `{ instead of { in variable names.', this.pos);
        }
        name += String.fromCharCode(c);
      }
      if (!closed) this.failIncomplete("${variable} reference starting is missing the closing '}'.", errorStart);
      if (name.length === 0) throw this.error('An empty ${} variable reference was found. A name is required inside the braces.', this.pos - 1);
      if (inCommand) {
        const c1 = this.peekChar();
        if (!forceStartNewToken(c1) && c1 !== 0x2e && c1 !== 0x5b) {
          this.pos = this.tokenStart;
          return this.scanGeneric('');
        }
      }
      if (unqualifiedPathIsEmpty(name)) throw this.error('Variable reference is not valid. The variable name is missing.', this.tokenStart);
      return this.token('Variable', name);
    }
    if (!isVariableStart(c)) {
      this.pos--;
      return this.scanGeneric(this.text.slice(this.tokenStart, this.pos));
    }
    const nameStart = this.pos - 1;
    if (c !== 0x24 && c !== 0x3f && c !== 0x5e) {
      for (;;) {
        c = this.getChar();
        if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || isDecimalDigit(c) || c === 0x5f || c === 0x3f) continue;
        if (c === 0x3a) {
          if (this.peekChar() === 0x3a) {
            this.pos--;
            break;
          }
          continue;
        }
        if (c === 0x2e || c === 0x5b || c === 0x3d || forceStartNewToken(c)) {
          this.pos--;
          break;
        }
        if (isLetterOrDigit(c)) continue;
        if (inCommand) {
          this.pos = this.tokenStart;
          return this.scanGeneric('');
        }
        this.pos--;
        break;
      }
    } else if (inCommand && !forceStartNewToken(this.peekChar())) {
      this.pos = this.tokenStart;
      return this.scanGeneric('');
    }
    const name = this.text.slice(nameStart, Math.min(this.pos, this.hi));
    if (unqualifiedPathIsEmpty(name)) {
      const reason = name.indexOf(':') > 0
        ? "Variable reference is not valid. ':' was not followed by a valid variable name character. Consider using ${} to delimit the name."
        : "Variable reference is not valid. '$' was not followed by a valid variable name character. Consider using ${} to delimit the name.";
      throw this.error(reason, this.tokenStart);
    }
    return this.token(splatted ? 'SplattedVariable' : 'Variable', name);
  }

  // ---- parameters and operators ----

  /** After a dash followed by a letter, `_` or `?`: a parameter, or (expression mode) an operator. */
  private scanParameter(): Token {
    const inCommand = this.mode === 'command';
    const nameStart = this.tokenStart + 1;
    let nameEnd: number;
    let usedColon = false;
    for (;;) {
      const c = this.getChar();
      if (c !== 0 && isWhitespace(c)) {
        this.pos--;
        nameEnd = this.pos;
        break;
      }
      if (c === 0x7b || c === 0x7d || c === 0x28 || c === 0x29 || c === 0x3b || c === 0x2c || c === 0x7c || c === 0x26
        || c === 0x2e || c === 0x5b || c === 0x0d || c === 0x0a || c === 0) {
        this.pos--;
        nameEnd = this.pos;
        break;
      }
      if (c === 0x3a) {
        usedColon = true;
        nameEnd = this.pos - 1;
        if (!inCommand) this.pos--;
        break;
      }
      if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) continue;
      if (isSingleQuote(c) || isDoubleQuote(c)) {
        this.pos--;
        if (inCommand) return this.scanGeneric(this.text.slice(this.tokenStart, this.pos));
        nameEnd = this.pos;
        break;
      }
      if (inCommand) continue;
      this.pos--;
      nameEnd = this.pos;
      break;
    }
    const name = this.text.slice(nameStart, Math.min(nameEnd, this.hi));
    if (this.mode === 'expression') {
      const lower = name.toLowerCase();
      if (OPERATORS.has(lower)) return this.token('Operator', '-' + lower);
    }
    if (name.length === 0) return this.token('Minus');
    return { kind: 'Parameter', start: this.tokenStart, end: this.pos, text: this.text.slice(this.tokenStart, this.pos), value: name, usedColon };
  }

  private operatorInCommandMode(c: number, kind: TokenKind): Token {
    if (this.mode === 'command' && !forceStartNewToken(this.peekChar())) return this.scanGeneric(String.fromCharCode(c));
    return this.token(kind);
  }

  private operatorInCommandMode2(c1: number, c2: number, kind: TokenKind): Token {
    if (this.mode === 'command' && !forceStartNewToken(this.peekChar())) return this.scanGeneric(String.fromCharCode(c1, c2));
    return this.token(kind);
  }

  private scanExclaim(c: number): Token {
    const c1 = this.peekChar();
    if ((this.mode === 'command' && !forceStartNewToken(c1)) || (this.mode === 'expression' && isIdentifierStart(c1))) {
      return this.scanGeneric('!');
    }
    if (this.mode === 'expression' && (isDigit(c1) || c1 === 0x2e)) {
      const isNumber = this.scanNumberHelper(c) !== null;
      this.pos = this.tokenStart + 1;
      if (!isNumber) return this.scanGeneric('!');
    }
    return this.token('Exclaim');
  }

  private scanColon(): Token {
    if (this.peekChar() === 0x3a) {
      this.pos++;
      if (this.mode === 'command' && !this.wantSimpleName && !forceStartNewToken(this.peekChar())) return this.scanGeneric('::');
      return this.token('ColonColon');
    }
    if (this.mode !== 'command') return this.token('Colon');
    let c = this.getChar();
    if (!isIdentifierStart(c)) {
      this.pos--;
      if (c === 0) return this.token('Generic', ':');
      return this.scanGeneric(':');
    }
    let name = '';
    while (isIdentifierFollow(c)) {
      name += String.fromCharCode(c);
      c = this.getChar();
    }
    if (!forceStartNewToken(c)) return this.scanGeneric(':' + name + String.fromCharCode(c));
    this.pos--;
    return this.token('Label', name);
  }

  private scanQuestion(): Token {
    if (this.peekChar() === 0x3f) {
      this.pos++;
      if (this.peekChar() === 0x3d) {
        this.pos++;
        return this.token('QuestionQuestionEquals');
      }
      return this.token('QuestionQuestion');
    }
    return this.token('QuestionMark');
  }

  // ---- words ----

  /**
   * A bare word (PowerShell's generic token): `prefix` is the value read so far (the source text since the
   * token start unless `prefixIsSource` is false) and the scan goes on up to whitespace, a newline, NUL or `{}();,|&`.
   */
  private scanGeneric(prefix: string, prefixIsSource = true): Token {
    const s = this.text;
    // Fast path: a word of ordinary characters.
    let j = this.pos;
    while (j < this.hi) {
      const ch = s.charCodeAt(j);
      if (ch === 0x24 || ch === 0x60 || isSingleQuote(ch) || isDoubleQuote(ch) || forceStartNewToken(ch)) break;
      j++;
    }
    if (j >= this.hi || forceStartNewToken(s.charCodeAt(j))) {
      const value = prefixIsSource ? undefined : prefix + s.slice(this.pos, j);
      this.pos = j;
      return this.token('Generic', value);
    }
    const acc = new Expandable();
    acc.add(prefix);
    for (;;) {
      // Copy a run of ordinary characters at once.
      let i = this.pos;
      while (i < this.hi) {
        const ch = s.charCodeAt(i);
        if (ch === 0x24 || ch === 0x60 || isSingleQuote(ch) || isDoubleQuote(ch) || forceStartNewToken(ch)) break;
        i++;
      }
      if (i > this.pos) {
        acc.add(s.slice(this.pos, i));
        this.pos = i;
      }
      const c = this.getChar();
      if (forceStartNewToken(c)) break;
      if (c === 0x60) {
        const c1 = this.peekChar();
        if (c1 !== 0) {
          this.pos++;
          acc.add(this.backtick(c1));
          continue;
        }
      } else if (isSingleQuote(c)) {
        acc.add(this.scanStringLiteralBody());
        continue;
      } else if (isDoubleQuote(c)) {
        this.scanStringExpandableBody(acc);
        continue;
      } else if (c === 0x24) {
        if (this.scanDollarInExpandable(acc, false)) continue;
      }
      acc.add(String.fromCharCode(c));
    }
    this.pos--;
    return this.expandableToken('Generic', acc);
  }

  /** A word starting with a letter or `_`: identifier, keyword (command mode), type name, or a longer bare word. */
  private scanIdentifier(): Token {
    const s = this.text;
    let i = this.pos;
    while (i < this.hi && isIdentifierFollow(s.charCodeAt(i))) i++;
    this.pos = i;
    const c = this.peekChar();
    if (this.mode === 'typename') return this.scanTypeName();
    const ident = s.slice(this.tokenStart, i);
    if (!this.wantSimpleName && this.mode === 'command') {
      if (!forceStartNewToken(c)) return this.scanGeneric(ident);
      const lower = ident.toLowerCase();
      if (KEYWORDS.has(lower)) return this.token('Keyword', lower);
    }
    return this.token('Identifier', ident);
  }

  private scanTypeName(): Token {
    const s = this.text;
    while (this.pos < this.hi) {
      const c = s.charCodeAt(this.pos);
      if (c === 0x2e || c === 0x60 || c === 0x5f || c === 0x2b || c === 0x23 || c === 0x5c || isLetterOrDigit(c)) this.pos++;
      else break;
    }
    return this.token('Identifier');
  }

  private scanDot(): Token {
    const c = this.peekChar();
    if (c === 0x2e) {
      this.pos++;
      if (this.mode === 'command' && !forceStartNewToken(this.peekChar())) {
        this.pos--;
        return this.scanGeneric('.');
      }
      return this.token('DotDot');
    }
    if (isDecimalDigit(c)) return this.scanNumber(0x2e);
    if (this.mode === 'command' && !forceStartNewToken(c) && c !== 0x24 && c !== 0x22 && c !== 0x27) return this.scanGeneric('.');
    return this.token('Dot');
  }

  // ---- numbers ----

  private scanNumber(first: number): Token {
    const scanned = this.scanNumberHelper(first);
    if (scanned === null) {
      this.pos = this.tokenStart;
      return this.scanGeneric('');
    }
    const v = numberValue(scanned.digits, scanned.format, scanned.suffix, scanned.real, scanned.multiplier);
    const text = this.text.slice(this.tokenStart, this.pos);
    if (v === null) {
      if (this.mode !== 'expression') {
        this.pos = this.tokenStart;
        return this.scanGeneric('');
      }
      throw this.error(`The numeric constant ${text} is not valid.`, this.tokenStart);
    }
    if ('ps7Only' in v) {
      const what = v.ps7Only === 'binary' ? 'a binary number' : `a ${v.ps7Only} number`;
      throw this.error(
        `'${text}' is ${what} in PowerShell 7 but a bare word in Windows PowerShell 5.1; quote it, or write it without the PowerShell 7 suffix or prefix.`,
        this.tokenStart,
      );
    }
    return { kind: 'Number', start: this.tokenStart, end: this.pos, text, value: text, number: v };
  }

  /** PowerShell's ScanNumberHelper: the sign and digits to convert, or null when the word is not a number. */
  private scanNumberHelper(firstIn: number): { digits: string; format: NumberFormat; suffix: number; real: boolean; multiplier: bigint } | null {
    let first = firstIn;
    let format: NumberFormat = 'decimal';
    let suffix: number = Suffix.None;
    let real = false;
    let multiplier = 1n;
    let notNumber = false;
    let sb = '';
    const digitsWhile = (test: (ch: number) => boolean): number => {
      const from = this.pos;
      while (test(this.peekChar())) this.pos++;
      sb += this.text.slice(from, this.pos);
      return this.pos - from;
    };
    const exponent = (): void => {
      const c = this.peekChar();
      if (c === 0x2b || isDash(c)) {
        this.pos++;
        sb += c === 0x2b ? '+' : '-';
      }
      if (digitsWhile(isDecimalDigit) === 0) notNumber = true;
    };
    const afterDot = (): void => {
      digitsWhile(isDecimalDigit);
      const c = this.peekChar();
      if (c === 0x65 || c === 0x45) {
        this.pos++;
        sb += 'e';
        exponent();
      }
    };
    if (isDash(first) || first === 0x2b) {
      sb += first === 0x2b ? '+' : '-';
      first = this.getChar();
    }
    if (first === 0x2e) {
      sb += '.';
      afterDot();
      real = true;
    } else {
      let c = this.peekChar();
      if (first === 0x30 && (c === 0x78 || c === 0x58 || c === 0x62 || c === 0x42)) {
        this.pos++;
        if (c === 0x78 || c === 0x58) {
          sb += '0';
          digitsWhile(isHexDigit);
          format = 'hex';
        } else {
          digitsWhile((ch) => ch === 0x30 || ch === 0x31);
          format = 'binary';
        }
      } else {
        sb += String.fromCharCode(first);
        digitsWhile(isDecimalDigit);
        c = this.peekChar();
        if (c === 0x2e) {
          this.pos++;
          if (this.peekChar() === 0x2e) this.pos--;
          else {
            sb += '.';
            real = true;
            afterDot();
          }
        } else if (c === 0x45 || c === 0x65) {
          this.pos++;
          sb += 'e';
          real = true;
          exponent();
        }
      }
    }
    let c = this.peekChar();
    if (isTypeSuffix(c)) {
      this.pos++;
      switch (c | 0x20) {
        case 0x75: suffix |= Suffix.Unsigned; break;
        case 0x73: suffix |= Suffix.Short; break;
        case 0x6c: suffix |= Suffix.Long; break;
        case 0x64: suffix |= Suffix.Decimal; break;
        case 0x79: suffix |= Suffix.SignedByte; break;
        case 0x6e: suffix |= Suffix.BigInteger; break;
        default: notNumber = true;
      }
      c = this.peekChar();
      if (isTypeSuffix(c)) {
        this.pos++;
        if (suffix === Suffix.Unsigned) {
          switch (c | 0x20) {
            case 0x6c: suffix |= Suffix.Long; break;
            case 0x73: suffix |= Suffix.Short; break;
            case 0x79: suffix |= Suffix.SignedByte; break;
            default: notNumber = true;
          }
        } else {
          notNumber = true;
        }
        c = this.peekChar();
      }
    }
    if (isMultiplierStart(c)) {
      this.pos++;
      const k = c | 0x20;
      multiplier = k === 0x6b ? 1024n : k === 0x6d ? 1024n ** 2n : k === 0x67 ? 1024n ** 3n : k === 0x74 ? 1024n ** 4n : 1024n ** 5n;
      const c1 = this.peekChar();
      if (c1 === 0x62 || c1 === 0x42) {
        this.pos++;
        c = this.peekChar();
      } else {
        notNumber = true;
      }
    }
    if (!forceStartNewToken(c)) {
      const endsNumber = forceStartNewTokenAfterNumber(c) || (this.forceEndNumberOnTernaryOpChars && (c === 0x3f || c === 0x3a));
      if (this.mode !== 'expression' || !endsNumber) notNumber = true;
    }
    return notNumber ? null : { digits: sb, format, suffix, real, multiplier };
  }
}

/** PowerShell's VariablePath: a name whose part after the scope or drive prefix is empty is invalid. */
function unqualifiedPathIsEmpty(name: string): boolean {
  const colon = name.indexOf(':');
  return colon >= 0 && colon === name.length - 1;
}
