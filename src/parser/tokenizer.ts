// PowerShell-like tokenizer with command, expression and type-name modes (after PowerShell's tokenizer.cs).
import type { Token, TokenKind } from './token.js';
import {
  forceStartNewToken,
  isDash,
  isDecimalDigit,
  isDigit,
  isDotNetWhiteSpace,
  isDoubleQuote,
  isIdentifierFollow,
  isIdentifierStart,
  isLetter,
  isLetterOrDigit,
  isSingleQuote,
  isVariableStart,
  isWhitespace,
} from './char-traits.js';
import { LiteralScanner } from './literal-scanner.js';
import { Expandable } from './scanner-base.js';

export type { TokenizerMode } from './scanner-base.js';

/** PowerShell's keywords (case-insensitive); only command mode turns a word into a keyword. */
export const KEYWORDS: ReadonlySet<string> = new Set([
  'elseif',
  'if',
  'else',
  'switch',
  'foreach',
  'from',
  'in',
  'for',
  'while',
  'until',
  'do',
  'try',
  'catch',
  'finally',
  'trap',
  'data',
  'return',
  'continue',
  'break',
  'exit',
  'throw',
  'begin',
  'process',
  'end',
  'dynamicparam',
  'function',
  'filter',
  'param',
  'class',
  'define',
  'var',
  'using',
  'workflow',
  'parallel',
  'sequence',
  'configuration',
  'public',
  'private',
  'static',
  'interface',
  'enum',
  'namespace',
  'module',
  'type',
  'assembly',
  'command',
  'hidden',
  'base',
  'default',
  'clean',
]);

/** Dash operators (without the dash) recognized in expression mode. */
export const OPERATORS: ReadonlySet<string> = new Set([
  'bnot',
  'not',
  'eq',
  'ieq',
  'ceq',
  'ne',
  'ine',
  'cne',
  'ge',
  'ige',
  'cge',
  'gt',
  'igt',
  'cgt',
  'lt',
  'ilt',
  'clt',
  'le',
  'ile',
  'cle',
  'like',
  'ilike',
  'clike',
  'notlike',
  'inotlike',
  'cnotlike',
  'match',
  'imatch',
  'cmatch',
  'notmatch',
  'inotmatch',
  'cnotmatch',
  'replace',
  'ireplace',
  'creplace',
  'contains',
  'icontains',
  'ccontains',
  'notcontains',
  'inotcontains',
  'cnotcontains',
  'in',
  'iin',
  'cin',
  'notin',
  'inotin',
  'cnotin',
  'split',
  'isplit',
  'csplit',
  'isnot',
  'is',
  'as',
  'f',
  'and',
  'band',
  'or',
  'bor',
  'xor',
  'bxor',
  'join',
  'shl',
  'shr',
]);

const SIGNATURE = 'sig#beginsignatureblock\n';

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
export class Tokenizer extends LiteralScanner {
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

  /** The assembly name after `[Type,` up to the closing `]` (not consumed); brackets inside are balanced. */
  assemblyNameSpec(): string {
    const start = this.pos;
    let depth = 0;
    while (this.pos < this.hi) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 0x5b) depth++;
      else if (c === 0x5d) {
        if (depth === 0) break;
        depth--;
      } else if (c === 0x0a || c === 0x0d) break;
      this.pos++;
    }
    return this.text.slice(start, this.pos);
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

  /** The next token in the current mode. */
  next(): Token {
    for (;;) {
      this.tokenStart = this.pos;
      const c = this.getChar();
      switch (c) {
        case 0x20:
        case 0x09:
        case 0x0b:
        case 0x0c:
        case 0xa0:
        case 0x85:
          this.skipWhiteSpace();
          continue;
        case 0x27:
        case 0x2018:
        case 0x2019:
        case 0x201a:
        case 0x201b:
          return this.token('StringLiteral', this.scanStringLiteralBody());
        case 0x22:
        case 0x201c:
        case 0x201d:
        case 0x201e: {
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
        case 0x2d:
        case 0x2013:
        case 0x2014:
        case 0x2015: {
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
            else if (this.peekChar() === 0x26 && this.text.charCodeAt(this.pos + 1) === 0x31 && this.pos + 1 < this.hi)
              this.pos += 2;
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
        case 0x30:
        case 0x37:
        case 0x38:
        case 0x39:
          return this.scanNumber(c);
        case 0x31:
        case 0x32:
        case 0x33:
        case 0x34:
        case 0x35:
        case 0x36:
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

  /** `#requires` comments of the script (offset of `#` to end of line), found while scanning (top level only). */
  readonly requiresComments = new Map<number, number>();
  /** When set (top level only): every comment's start and end offset, for comment-based help. */
  commentSpans: Map<number, number> | null = null;

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
    this.commentSpans?.set(start - 1, i);
    if (this.top && (s.charCodeAt(start) | 0x20) === 0x72 && s.slice(start, start + 8).toLowerCase() === 'requires') {
      this.requiresComments.set(start - 1, i);
    }
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
    this.commentSpans?.set(errorIndex, this.pos);
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
      if (
        c === 0x7b ||
        c === 0x7d ||
        c === 0x28 ||
        c === 0x29 ||
        c === 0x3b ||
        c === 0x2c ||
        c === 0x7c ||
        c === 0x26 ||
        c === 0x2e ||
        c === 0x5b ||
        c === 0x0d ||
        c === 0x0a ||
        c === 0
      ) {
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
    const name = this.text.slice(nameStart, nameEnd < this.hi ? nameEnd : this.hi);
    if (this.mode === 'expression') {
      const lower = name.toLowerCase();
      if (OPERATORS.has(lower)) return this.token('Operator', '-' + lower);
    }
    if (name.length === 0) return this.token('Minus');
    return {
      kind: 'Parameter',
      start: this.tokenStart,
      end: this.pos,
      text: this.text.slice(this.tokenStart, this.pos),
      value: name,
      usedColon,
    };
  }

  private operatorInCommandMode(c: number, kind: TokenKind): Token {
    if (this.mode === 'command' && !forceStartNewToken(this.peekChar()))
      return this.scanGeneric(String.fromCharCode(c));
    return this.token(kind);
  }

  private operatorInCommandMode2(c1: number, c2: number, kind: TokenKind): Token {
    if (this.mode === 'command' && !forceStartNewToken(this.peekChar()))
      return this.scanGeneric(String.fromCharCode(c1, c2));
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
      if (this.mode === 'command' && !this.wantSimpleName && !forceStartNewToken(this.peekChar()))
        return this.scanGeneric('::');
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
      if (c === 0x2e || c === 0x60 || c === 0x5f || c === 0x2b || c === 0x23 || c === 0x5c || isLetterOrDigit(c))
        this.pos++;
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
    if (this.mode === 'command' && !forceStartNewToken(c) && c !== 0x24 && c !== 0x22 && c !== 0x27)
      return this.scanGeneric('.');
    return this.token('Dot');
  }
}
