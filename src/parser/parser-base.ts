// The parser's plumbing: one-token lookahead with mode switches, extents, errors, nesting budget, leaf nodes.
import type {
  ArrayLiteralAst,
  ExpressionAst,
  Extent,
  StringConstantExpressionAst,
  StringConstantType,
  VariableExpressionAst,
} from '../ast/ast.js';
import type { SourceText } from './source-text.js';
import type { Tokenizer, TokenizerMode } from './tokenizer.js';
import type { Token } from './token.js';
import type { SemanticIssue } from './semantic-checks.js';

/** Levels of brackets, braces and parentheses (of every kind) a script may nest. */
export const MAX_NESTING = 256;

/**
 * Budget of the parser's own recursion (statements, operators, casts, member accesses): large enough that only
 * MAX_NESTING limits bracket nesting (a bracket level costs at most 6 of it), small enough for the JS stack.
 */
export const MAX_DEPTH = 2000;

/** Shared by a parser and the parsers of `$(...)` inside its strings. */
export interface SharedState {
  depth: number;
  /** Open brackets, braces and parentheses. */
  nesting: number;
  /** The first (leftmost) semantic issue; reported only when the script has no syntax error. */
  issue: SemanticIssue | null;
  /** Where break/continue/return would go: inside a finally block, and how many loops deep inside it. */
  flow: { inFinally: boolean; loops: number };
}

/** Token access and node helpers shared by the expression and statement rules (PowerShell's Parser.cs plumbing). */
export abstract class ParserBase {
  protected readonly src: SourceText;
  protected readonly tok: Tokenizer;
  protected readonly shared: SharedState;
  protected ungot: Token | null = null;
  protected disableCommaOperator = false;
  /** Set by commandArgument: the next primary expression may be `@splat` (a direct command element). */
  protected splatAllowed = false;

  constructor(src: SourceText, tok: Tokenizer, shared: SharedState) {
    this.src = src;
    this.tok = tok;
    this.shared = shared;
  }

  // ---- tokens ----

  protected next(): Token {
    const t = this.ungot ?? this.tok.next();
    this.ungot = null;
    return t;
  }

  protected peek(): Token {
    this.ungot ??= this.tok.next();
    return this.ungot;
  }

  protected skip(): void {
    this.ungot = null;
  }

  protected unget(t: Token): void {
    this.ungot = t;
  }

  protected setMode(mode: TokenizerMode): TokenizerMode {
    const old = this.tok.mode;
    if (mode !== old && this.ungot !== null && this.ungot.kind !== 'EndOfInput') this.resync(this.ungot.start);
    this.tok.mode = mode;
    return old;
  }

  protected resync(at: number): void {
    this.ungot = null;
    this.tok.resync(at);
  }

  protected skipNewlines(): void {
    if (this.ungot === null || this.ungot.kind === 'NewLine') {
      this.ungot = null;
      this.tok.skipNewlines(false);
    }
  }

  protected skipNewlinesAndSemicolons(): void {
    if (this.ungot === null || this.ungot.kind === 'NewLine' || this.ungot.kind === 'Semi') {
      this.ungot = null;
      this.tok.skipNewlines(true);
    }
  }

  protected startOf(t: Token): number {
    return this.tok.originStart(t.start);
  }

  protected endOf(t: Token): number {
    return t.end === t.start ? this.tok.origin(t.start) : this.tok.originEnd(t.end);
  }

  protected span(start: number, end: number): Extent {
    return this.src.extent(start, end);
  }

  protected tokenExtent(t: Token): Extent {
    // The extent's text is sliced from the script when read (the token's text need not live as long as the AST).
    return this.src.extent(this.startOf(t), this.endOf(t));
  }

  /** Error at a script offset; `detectedAt` (default: the offset) decides whether more input could fix it. */
  protected fail(reason: string, at: number, incompleteAt?: number): never {
    const incomplete = incompleteAt !== undefined && this.src.onlyTriviaAfter(incompleteAt);
    throw this.src.error(reason, at, incomplete);
  }

  /** Error at a token. */
  protected failAt(reason: string, t: Token): never {
    throw this.src.error(reason, this.startOf(t), false);
  }

  /** Incomplete-input style error right after `end`: incomplete when nothing but trivia follows `end`. */
  protected failAfter(reason: string, end: number): never {
    this.fail(reason, end, end);
  }

  protected enter(at: Token | number): void {
    if (++this.shared.depth > MAX_DEPTH) {
      const offset = typeof at === 'number' ? at : this.startOf(at);
      const reason = `The script is too complex for the runbook parser: it allows at most ${MAX_DEPTH} nested statements, operators, casts and member accesses.`;
      throw this.src.error(reason, offset, false);
    }
  }

  protected leave(n = 1): void {
    this.shared.depth -= n;
  }

  /** Runs `f` one bracket level deeper (the bracket at `at`), failing beyond MAX_NESTING levels. */
  protected nested<T>(at: Token | number, f: () => T): T {
    if (this.shared.nesting >= MAX_NESTING) {
      const offset = typeof at === 'number' ? at : this.startOf(at);
      const reason = `The script is nested too deeply for the runbook parser: it allows at most ${MAX_NESTING} levels of brackets, braces and parentheses.`;
      throw this.src.error(reason, offset, false);
    }
    this.shared.nesting++;
    try {
      return f();
    } finally {
      this.shared.nesting--;
    }
  }

  protected defer(issue: SemanticIssue | null): void {
    if (issue !== null && (this.shared.issue === null || issue.offset < this.shared.issue.offset))
      this.shared.issue = issue;
  }

  /** Parses `f` as a new flow context (a finally block or a script block). */
  protected withFlow<T>(inFinally: boolean, f: () => T): T {
    const saved = this.shared.flow;
    this.shared.flow = { inFinally, loops: 0 };
    try {
      return f();
    } finally {
      this.shared.flow = saved;
    }
  }

  protected variable(t: Token): VariableExpressionAst {
    return {
      type: 'VariableExpressionAst',
      extent: this.tokenExtent(t),
      variablePath: t.value,
      splatted: t.kind === 'SplattedVariable',
    };
  }

  protected stringConstant(
    t: Token,
    value: string,
    stringConstantType: StringConstantType,
  ): StringConstantExpressionAst {
    return { type: 'StringConstantExpressionAst', extent: this.tokenExtent(t), value, stringConstantType };
  }

  protected bareWord(t: Token, value: string): StringConstantExpressionAst {
    return this.stringConstant(t, value, 'BareWord');
  }

  protected arrayLiteral(elements: ExpressionAst[]): ArrayLiteralAst {
    return {
      type: 'ArrayLiteralAst',
      extent: this.span(elements[0]!.extent.startOffset, elements[elements.length - 1]!.extent.endOffset),
      elements,
    };
  }
}
