// Scanning of literal tokens: quoted strings, here-strings, variables, bare words (generic tokens) and numbers.
import type { NestedSubExpression, Token } from './token.js';
import {
  forceStartNewToken,
  forceStartNewTokenAfterNumber,
  isDash,
  isDecimalDigit,
  isDoubleQuote,
  isHexDigit,
  isLetterOrDigit,
  isMultiplierStart,
  isSingleQuote,
  isTypeSuffix,
  isVariableStart,
  isWhitespace,
} from './char-traits.js';
import { numberValue, Suffix, type NumberFormat } from './number-literal.js';
import { Expandable, ScannerBase } from './scanner-base.js';

/** The scanners for strings, variables, bare words and numbers (PowerShell's tokenizer.cs, by the same names). */
export abstract class LiteralScanner extends ScannerBase {
  /** After an opening single quote: the value up to the closing quote (a doubled quote yields the second). */
  protected scanStringLiteralBody(): string {
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
  protected scanStringExpandableBody(acc: Expandable): void {
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
  protected scanDollarInExpandable(acc: Expandable, hereString: boolean): boolean {
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
  protected scanSubExpression(hereString: boolean): NestedSubExpression {
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

  /** After `@'` or `@"`: a here-string (closed by a newline, the quote and `@` at column 0). */
  protected scanHereString(expandable: boolean): Token {
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
      throw this.error(
        'No characters are allowed after a here-string header but before the end of the line.',
        this.pos,
      );
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
      if (falseFooter >= 0)
        this.failIncomplete('White space is not allowed before the string terminator.', falseFooter);
      return this.failIncomplete(`The string is missing the terminator: ${footer}.`, headerOffset);
    };
    if (!footerAhead()) {
      const s = this.text;
      for (;;) {
        // Copy a run of ordinary characters at once.
        let i = this.pos;
        while (i < this.hi) {
          const r = s.charCodeAt(i);
          if (r === 0x0d || r === 0x0a || (expandable && (r === 0x24 || r === 0x60))) break;
          i++;
        }
        if (i > this.pos) {
          acc.add(s.slice(this.pos, i));
          this.pos = i;
        }
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

  /** The character(s) for a backtick escape whose letter `c` was just consumed. */
  protected backtick(c: number): string {
    switch (c) {
      case 0x30:
        return '\0';
      case 0x61:
        return '\x07';
      case 0x62:
        return '\b';
      case 0x65:
        return '\x1b';
      case 0x66:
        return '\f';
      case 0x6e:
        return '\n';
      case 0x72:
        return '\r';
      case 0x74:
        return '\t';
      case 0x75:
        return this.scanUnicodeEscape();
      case 0x76:
        return '\v';
      default:
        return String.fromCharCode(c);
    }
  }

  /** After `` `u ``: `{` one to six hex digits `}` (PowerShell 6+). */
  protected scanUnicodeEscape(): string {
    const escStart = this.pos - 2;
    const invalid =
      "The Unicode escape sequence is not valid. A valid sequence is `u{ followed by one to six hex digits and a closing '}'.";
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
        throw this.error(
          'The Unicode escape sequence contains more than the maximum of six hex digits between braces.',
          this.pos,
        );
      }
      hex += String.fromCharCode(c);
    }
    const cp = parseInt(hex, 16);
    if (cp > 0x10ffff)
      throw this.error(
        'The Unicode escape sequence value is out of range. The maximum value is 0x10FFFF.',
        escStart + 3,
      );
    return String.fromCodePoint(cp);
  }

  /** After `$` (or `@` when splatted): a variable, or a bare word in command mode when more text is glued on. */
  protected scanVariable(splatted: boolean, inExpandable: boolean): Token {
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
      if (name.length === 0)
        throw this.error(
          'An empty ${} variable reference was found. A name is required inside the braces.',
          this.pos - 1,
        );
      if (inCommand) {
        const c1 = this.peekChar();
        if (!forceStartNewToken(c1) && c1 !== 0x2e && c1 !== 0x5b) {
          this.pos = this.tokenStart;
          return this.scanGeneric('');
        }
      }
      if (unqualifiedPathIsEmpty(name))
        throw this.error('Variable reference is not valid. The variable name is missing.', this.tokenStart);
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
        if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || isDecimalDigit(c) || c === 0x5f || c === 0x3f)
          continue;
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
    const name = this.text.slice(nameStart, this.pos < this.hi ? this.pos : this.hi);
    if (unqualifiedPathIsEmpty(name)) {
      const reason =
        name.indexOf(':') > 0
          ? "Variable reference is not valid. ':' was not followed by a valid variable name character. Consider using ${} to delimit the name."
          : "Variable reference is not valid. '$' was not followed by a valid variable name character. Consider using ${} to delimit the name.";
      throw this.error(reason, this.tokenStart);
    }
    return this.token(splatted ? 'SplattedVariable' : 'Variable', name);
  }

  /**
   * A bare word (PowerShell's generic token): `prefix` is the value read so far (the source text since the
   * token start unless `prefixIsSource` is false) and the scan goes on up to whitespace, a newline, NUL or `{}();,|&`.
   */
  protected scanGeneric(prefix: string, prefixIsSource = true): Token {
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

  protected scanNumber(first: number): Token {
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
  protected scanNumberHelper(
    firstIn: number,
  ): { digits: string; format: NumberFormat; suffix: number; real: boolean; multiplier: bigint } | null {
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
        case 0x75:
          suffix |= Suffix.Unsigned;
          break;
        case 0x73:
          suffix |= Suffix.Short;
          break;
        case 0x6c:
          suffix |= Suffix.Long;
          break;
        case 0x64:
          suffix |= Suffix.Decimal;
          break;
        case 0x79:
          suffix |= Suffix.SignedByte;
          break;
        case 0x6e:
          suffix |= Suffix.BigInteger;
          break;
        default:
          notNumber = true;
      }
      c = this.peekChar();
      if (isTypeSuffix(c)) {
        this.pos++;
        if (suffix === Suffix.Unsigned) {
          switch (c | 0x20) {
            case 0x6c:
              suffix |= Suffix.Long;
              break;
            case 0x73:
              suffix |= Suffix.Short;
              break;
            case 0x79:
              suffix |= Suffix.SignedByte;
              break;
            default:
              notNumber = true;
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
      multiplier =
        k === 0x6b
          ? 1024n
          : k === 0x6d
            ? 1024n ** 2n
            : k === 0x67
              ? 1024n ** 3n
              : k === 0x74
                ? 1024n ** 4n
                : 1024n ** 5n;
      const c1 = this.peekChar();
      if (c1 === 0x62 || c1 === 0x42) {
        this.pos++;
        c = this.peekChar();
      } else {
        notNumber = true;
      }
    }
    if (!forceStartNewToken(c)) {
      const endsNumber =
        forceStartNewTokenAfterNumber(c) || (this.forceEndNumberOnTernaryOpChars && (c === 0x3f || c === 0x3a));
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
