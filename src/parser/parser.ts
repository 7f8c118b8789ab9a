// Recursive-descent parser for the runbook subset of PowerShell, following PowerShell's Parser.cs rule by rule.
import type {
  ArrayLiteralAst,
  AssignmentStatementAst,
  CatchClauseAst,
  CommandAst,
  CommandElementAst,
  CommandExpressionAst,
  CommandParameterAst,
  ExpressionAst,
  Extent,
  ForEachStatementAst,
  HashtableAst,
  IfStatementAst,
  PipelineAst,
  ScriptBlockAst,
  StatementAst,
  StatementBlockAst,
  StringConstantExpressionAst,
  StringConstantType,
  TryStatementAst,
  TypeConstraintAst,
  VariableExpressionAst,
} from './ast.js';
import { ParseError } from './parse-error.js';
import { SourceText } from './source-text.js';
import { Tokenizer, type TokenizerMode } from './tokenizer.js';
import type { NestedSubExpression, Token, TokenKind } from './token.js';
import {
  CONTROL_LEAVING_FINALLY,
  checkAssignmentTarget,
  checkCatchOrder,
  checkDuplicateKeys,
  checkIncrementTarget,
  checkOrdered,
  splattingNotPermitted,
  type SemanticIssue,
} from './semantic-checks.js';
import { isLetter } from './char-traits.js';

/** Options for `parse`. */
export interface ParseOptions {
  /** A file name to show in error messages. */
  readonly file?: string;
}

/** Nesting budget: recursion and left-deep chains (operators, member access, casts) share it. */
const MAX_DEPTH = 1000;

const STATEMENT_KEYWORDS_OUTSIDE_SUBSET: Readonly<Record<string, string>> = {
  while: "'while' loops are outside the runbook subset",
  do: "'do' loops are outside the runbook subset",
  for: "'for' loops are outside the runbook subset",
  until: "'until' is outside the runbook subset (it belongs to 'do' loops)",
  switch: "'switch' statements are outside the runbook subset",
  function: "function definitions ('function') are outside the runbook subset",
  filter: "filter definitions ('filter') are outside the runbook subset",
  workflow: "workflows ('workflow') are outside the runbook subset",
  exit: "'exit' is outside the runbook subset",
  trap: "'trap' statements are outside the runbook subset",
  data: "'data' sections are outside the runbook subset",
  parallel: "workflow blocks ('parallel') are outside the runbook subset",
  sequence: "workflow blocks ('sequence') are outside the runbook subset",
  configuration: "DSC configurations ('configuration') are outside the runbook subset",
  class: "class definitions ('class') are outside the runbook subset",
  enum: "enum definitions ('enum') are outside the runbook subset",
  using: "'using' statements are outside the runbook subset",
  param: "param() blocks are outside the runbook subset",
  begin: "named blocks ('begin') are outside the runbook subset",
  process: "named blocks ('process') are outside the runbook subset",
  end: "named blocks ('end') are outside the runbook subset",
  dynamicparam: "named blocks ('dynamicparam') are outside the runbook subset",
  clean: "named blocks ('clean') are outside the runbook subset",
  from: "The 'from' keyword is not supported in this version of the language.",
  define: "The 'define' keyword is not supported in this version of the language.",
  var: "The 'var' keyword is not supported in this version of the language.",
  else: "'else' must follow the '}' of an 'if' or 'elseif' block",
  elseif: "'elseif' must follow the '}' of an 'if' or 'elseif' block",
  catch: "'catch' must follow the '}' of a 'try' or 'catch' block",
  finally: "'finally' must follow the '}' of a 'try' or 'catch' block",
};

const UNARY_OPERATORS: ReadonlySet<string> = new Set(['-not', '-bnot', '-split', '-isplit', '-csplit', '-join']);
const ASSIGNMENT_OPERATORS: Readonly<Partial<Record<TokenKind, AssignmentStatementAst['operator']>>> = {
  Equals: '=',
  PlusEquals: '+=',
  MinusEquals: '-=',
  MultiplyEquals: '*=',
  DivideEquals: '/=',
  RemainderEquals: '%=',
};

/** PowerShell's binary precedence (TokenFlags.BinaryPrecedence*): higher binds tighter; 0 = not binary. */
function binaryPrecedence(t: Token): number {
  switch (t.kind) {
    case 'Operator': {
      const op = t.value;
      if (op === '-and' || op === '-or' || op === '-xor') return 1;
      if (op === '-band' || op === '-bor' || op === '-bxor') return 2;
      if (op === '-f') return 12;
      if (op === '-not' || op === '-bnot') return 0;
      return 5;
    }
    case 'QuestionQuestion':
      return 7;
    case 'Plus':
    case 'Minus':
      return 9;
    case 'Multiply':
    case 'Divide':
    case 'Rem':
      return 10;
    case 'DotDot':
      return 13;
    default:
      return 0;
  }
}

function binaryOperatorText(t: Token): string {
  switch (t.kind) {
    case 'Operator':
      return t.value;
    case 'Plus':
      return '+';
    case 'Minus':
      return '-';
    case 'Multiply':
      return '*';
    case 'Divide':
      return '/';
    case 'Rem':
      return '%';
    case 'DotDot':
      return '..';
    default:
      return t.text;
  }
}

function isUnaryOperator(t: Token): boolean {
  switch (t.kind) {
    case 'Comma':
    case 'Exclaim':
    case 'Plus':
    case 'Minus':
    case 'PlusPlus':
    case 'MinusMinus':
      return true;
    case 'Operator':
      return UNARY_OPERATORS.has(t.value);
    default:
      return false;
  }
}

function unaryOperatorText(t: Token): string {
  switch (t.kind) {
    case 'Exclaim':
      return '!';
    case 'Plus':
      return '+';
    case 'Minus':
      return '-';
    case 'PlusPlus':
      return '++';
    case 'MinusMinus':
      return '--';
    default:
      return t.value;
  }
}

/** A command-mode word starting with a letter: in expression mode it would only be an identifier, never an expression. */
function isCommandWord(t: Token): boolean {
  if (t.kind !== 'Generic' && t.kind !== 'Identifier' && t.kind !== 'Keyword') return false;
  const c = t.text.charCodeAt(0);
  return c === 0x5f || isLetter(c);
}

function isStringToken(t: Token): boolean {
  return t.kind === 'Generic' || t.kind === 'StringLiteral' || t.kind === 'StringExpandable' || t.kind === 'HereStringLiteral' || t.kind === 'HereStringExpandable';
}

/** Shared by a parser and the parsers of `$(...)` inside its strings. */
interface SharedState {
  depth: number;
  /** The first (leftmost) semantic issue; reported only when the script has no syntax error. */
  issue: SemanticIssue | null;
  /** Where break/continue/return would go: inside a finally block, and how many loops deep inside it. */
  flow: { inFinally: boolean; loops: number };
}

class Parser {
  private readonly src: SourceText;
  private readonly tok: Tokenizer;
  private readonly shared: SharedState;
  private ungot: Token | null = null;
  private disableCommaOperator = false;
  /** Set by commandArgument: the next primary expression may be `@splat` (a direct command element). */
  private splatAllowed = false;

  constructor(src: SourceText, tok: Tokenizer, shared: SharedState) {
    this.src = src;
    this.tok = tok;
    this.shared = shared;
  }

  // ---- tokens ----

  private next(): Token {
    const t = this.ungot ?? this.tok.next();
    this.ungot = null;
    return t;
  }

  private peek(): Token {
    this.ungot ??= this.tok.next();
    return this.ungot;
  }

  private skip(): void {
    this.ungot = null;
  }

  private unget(t: Token): void {
    this.ungot = t;
  }

  private setMode(mode: TokenizerMode): TokenizerMode {
    const old = this.tok.mode;
    if (mode !== old && this.ungot !== null && this.ungot.kind !== 'EndOfInput') this.resync(this.ungot.start);
    this.tok.mode = mode;
    return old;
  }

  private resync(at: number): void {
    this.ungot = null;
    this.tok.resync(at);
  }

  private skipNewlines(): void {
    if (this.ungot === null || this.ungot.kind === 'NewLine') {
      this.ungot = null;
      this.tok.skipNewlines(false);
    }
  }

  private skipNewlinesAndSemicolons(): void {
    if (this.ungot === null || this.ungot.kind === 'NewLine' || this.ungot.kind === 'Semi') {
      this.ungot = null;
      this.tok.skipNewlines(true);
    }
  }

  // ---- extents and errors ----

  private startOf(t: Token): number {
    return this.tok.origin(t.start);
  }

  private endOf(t: Token): number {
    return t.end === t.start ? this.tok.origin(t.start) : this.tok.originEnd(t.end);
  }

  private span(start: number, end: number): Extent {
    return this.src.extent(start, end);
  }

  private tokenExtent(t: Token): Extent {
    return this.span(this.startOf(t), this.endOf(t));
  }

  /** Error at a script offset; `detectedAt` (default: the offset) decides whether more input could fix it. */
  private fail(reason: string, at: number, incompleteAt?: number): never {
    const incomplete = incompleteAt !== undefined && this.src.onlyTriviaAfter(incompleteAt);
    throw this.src.error(reason, at, incomplete);
  }

  /** Error at a token. */
  private failAt(reason: string, t: Token): never {
    throw this.src.error(reason, this.startOf(t), false);
  }

  /** Incomplete-input style error right after `end`: incomplete when nothing but trivia follows `end`. */
  private failAfter(reason: string, end: number): never {
    this.fail(reason, end, end);
  }

  private enter(at: Token | number): void {
    if (++this.shared.depth > MAX_DEPTH) {
      const offset = typeof at === 'number' ? at : this.startOf(at);
      throw this.src.error(`The script is too deeply nested or too complex for the runbook parser (more than ${MAX_DEPTH} levels).`, offset, false);
    }
  }

  private leave(n = 1): void {
    this.shared.depth -= n;
  }

  private defer(issue: SemanticIssue | null): void {
    if (issue !== null && (this.shared.issue === null || issue.offset < this.shared.issue.offset)) this.shared.issue = issue;
  }

  /** Parses `f` as a new flow context (a finally block or a script block). */
  private withFlow<T>(inFinally: boolean, f: () => T): T {
    const saved = this.shared.flow;
    this.shared.flow = { inFinally, loops: 0 };
    try {
      return f();
    } finally {
      this.shared.flow = saved;
    }
  }

  // ---- script, statement lists, blocks ----

  /** The whole script. */
  scriptRule(): ScriptBlockAst {
    this.tok.mode = 'command';
    const statements = this.namedBlockBody();
    const t = this.next();
    if (t.kind !== 'EndOfInput') this.failAt(`Unexpected token '${t.text}' in expression or statement.`, t);
    return { type: 'ScriptBlockAst', extent: this.span(0, this.src.text.length), statements };
  }

  /** A script-block body: statements, rejecting param() and named blocks. */
  private namedBlockBody(): StatementAst[] {
    this.skipNewlines();
    const t = this.peek();
    if (t.kind === 'Keyword' && (t.value === 'param' || t.value === 'using' || t.value === 'begin' || t.value === 'process'
      || t.value === 'end' || t.value === 'dynamicparam' || t.value === 'clean')) {
      this.failAt(STATEMENT_KEYWORDS_OUTSIDE_SUBSET[t.value]!, t);
    }
    return this.statementListRule();
  }

  private statementListRule(): StatementAst[] {
    const statements: StatementAst[] = [];
    this.skipNewlinesAndSemicolons();
    for (;;) {
      const s = this.statementRule();
      if (s === null) break;
      statements.push(s);
      this.skipNewlinesAndSemicolons();
      const t = this.peek();
      if (t.kind === 'RParen' || t.kind === 'RCurly') break;
    }
    return statements;
  }

  /** `{ statements }` for if/foreach/try bodies, or null when there is no `{`. */
  private statementBlockRule(): StatementBlockAst | null {
    this.skipNewlines();
    const lCurly = this.next();
    if (lCurly.kind !== 'LCurly') {
      this.unget(lCurly);
      return null;
    }
    const statements = this.statementListRule();
    const rCurly = this.next();
    if (rCurly.kind !== 'RCurly') this.fail("Missing closing '}' in statement block or type definition.", this.startOf(lCurly), this.startOf(rCurly));
    return { type: 'StatementBlockAst', extent: this.span(this.startOf(lCurly), this.endOf(rCurly)), statements };
  }

  private statementRule(): StatementAst | null {
    const t = this.next();
    this.enter(t);
    try {
      if (t.kind === 'Keyword') {
        switch (t.value) {
          case 'if':
            return this.ifStatementRule(t);
          case 'foreach':
            return this.foreachStatementRule(t);
          case 'try':
            return this.tryStatementRule(t);
          case 'throw':
          case 'return':
            return this.flowWithPipelineRule(t);
          case 'break':
          case 'continue':
            return this.breakOrContinueRule(t);
          default: {
            const reason = STATEMENT_KEYWORDS_OUTSIDE_SUBSET[t.value];
            if (reason !== undefined) this.failAt(reason, t);
          }
        }
      } else if (t.kind === 'Label') {
        this.failAt(`Loop labels (':${t.value}') are outside the runbook subset.`, t);
      } else if (t.kind === 'EndOfInput') {
        this.unget(t);
        return null;
      } else if (t.kind === 'Generic' && t.text.startsWith('[')) {
        // `[Type]...` at the start of a statement: rescan it as an expression.
        this.resync(t.start);
        return this.pipelineChainRule();
      }
      this.unget(t);
      return this.pipelineChainRule();
    } finally {
      this.leave();
    }
  }

  private ifStatementRule(ifToken: Token): IfStatementAst {
    const clauses: { condition: PipelineAst | AssignmentStatementAst; body: StatementBlockAst }[] = [];
    let elseClause: StatementBlockAst | null = null;
    let keyword = ifToken;
    for (;;) {
      this.skipNewlines();
      const lParen = this.next();
      if (lParen.kind !== 'LParen') this.failAfter(`Missing '(' after '${keyword.text}' in if statement.`, this.endOf(keyword));
      this.skipNewlines();
      const condition = this.pipelineChainRule();
      if (condition === null) this.failAfter(`Missing condition in if statement after '${keyword.text} ('.`, this.endOf(lParen));
      this.skipNewlines();
      const rParen = this.next();
      if (rParen.kind !== 'RParen') {
        this.fail(`Missing closing ')' after expression in '${keyword.text}' statement.`, this.startOf(rParen), this.startOf(rParen));
      }
      this.skipNewlines();
      const body = this.statementBlockRule();
      if (body === null) this.fail(`Missing statement block after ${keyword.text} ( condition ).`, this.startOf(rParen), this.endOf(rParen));
      clauses.push({ condition, body });
      const restorePoint = this.ungot !== null ? this.ungot.start : this.tok.restorePoint();
      this.skipNewlines();
      keyword = this.peek();
      if (keyword.kind === 'Keyword' && keyword.value === 'elseif') {
        this.skip();
        continue;
      }
      if (keyword.kind === 'Keyword' && keyword.value === 'else') {
        this.skip();
        this.skipNewlines();
        elseClause = this.statementBlockRule();
        if (elseClause === null) this.failAfter("Missing statement block after 'else' keyword.", this.endOf(keyword));
      } else {
        this.resync(restorePoint);
      }
      break;
    }
    const end = elseClause !== null ? elseClause.extent.endOffset : clauses[clauses.length - 1]!.body.extent.endOffset;
    return { type: 'IfStatementAst', extent: this.span(this.startOf(ifToken), end), clauses, elseClause };
  }

  private foreachStatementRule(foreachToken: Token): ForEachStatementAst {
    const correctForm = '\nThe correct form is: foreach ($a in $b) {...}';
    this.skipNewlines();
    const flag = this.peek();
    if (flag.kind === 'Parameter') this.failAt(`The foreach flag '${flag.text}' (workflow only) is outside the runbook subset.`, flag);
    const lParen = this.next();
    if (lParen.kind !== 'LParen') this.failAfter(`Missing opening '(' after keyword '${foreachToken.text}'.`, this.endOf(foreachToken));
    this.skipNewlines();
    const varToken = this.next();
    if (varToken.kind !== 'Variable' && varToken.kind !== 'SplattedVariable') this.failAfter('Missing variable name after foreach.' + correctForm, this.endOf(lParen));
    const variable = this.variable(varToken);
    if (variable.splatted) this.defer(splattingNotPermitted(variable.variablePath, variable.extent.startOffset, false));
    this.skipNewlines();
    const inToken = this.next();
    if (inToken.kind !== 'Keyword' || inToken.value !== 'in') this.failAfter("Missing 'in' after variable in foreach loop." + correctForm, variable.extent.endOffset);
    this.skipNewlines();
    const condition = this.pipelineChainRule();
    if (condition === null) this.failAfter('Missing expression in foreach loop.' + correctForm, this.endOf(inToken));
    if (condition.type !== 'PipelineAst') this.fail('An assignment as the collection of a foreach loop is outside the runbook subset.', condition.extent.startOffset);
    this.skipNewlines();
    const rParen = this.next();
    if (rParen.kind !== 'RParen') this.failAfter("Missing closing ')' after expression part of foreach loop." + correctForm, condition.extent.endOffset);
    this.shared.flow.loops++;
    let body: StatementBlockAst | null;
    try {
      body = this.statementBlockRule();
    } finally {
      this.shared.flow.loops--;
    }
    if (body === null) this.failAfter('Missing statement body in foreach loop.' + correctForm, this.endOf(rParen));
    return { type: 'ForEachStatementAst', extent: this.span(this.startOf(foreachToken), body.extent.endOffset), variable, condition, body };
  }

  private tryStatementRule(tryToken: Token): TryStatementAst {
    this.skipNewlines();
    const body = this.statementBlockRule();
    if (body === null) this.failAfter('The Try statement is missing its statement block.', this.endOf(tryToken));
    const catchClauses: CatchClauseAst[] = [];
    for (;;) {
      const c = this.catchBlockRule();
      if (c === null) break;
      catchClauses.push(c);
    }
    this.skipNewlines();
    let finallyBlock: StatementBlockAst | null = null;
    const f = this.peek();
    if (f.kind === 'Keyword' && f.value === 'finally') {
      this.skip();
      finallyBlock = this.withFlow(true, () => this.statementBlockRule());
      if (finallyBlock === null) this.failAfter(`The Finally block is missing its statement block.`, this.endOf(f));
    }
    if (catchClauses.length === 0 && finallyBlock === null) this.failAfter('The Try statement is missing its Catch or Finally block.', body.extent.endOffset);
    this.defer(checkCatchOrder(catchClauses));
    const end = finallyBlock !== null ? finallyBlock.extent.endOffset : catchClauses[catchClauses.length - 1]!.extent.endOffset;
    return { type: 'TryStatementAst', extent: this.span(this.startOf(tryToken), end), body, catchClauses, finally: finallyBlock };
  }

  private catchBlockRule(): CatchClauseAst | null {
    this.skipNewlines();
    const catchToken = this.next();
    if (catchToken.kind !== 'Keyword' || catchToken.value !== 'catch') {
      this.unget(catchToken);
      return null;
    }
    const catchTypes: TypeConstraintAst[] = [];
    let comma: Token | null = null;
    for (;;) {
      this.skipNewlines();
      const type = this.attributeRule();
      if (type === null) {
        if (comma !== null) this.failAfter('Missing type literal.', this.endOf(comma));
        break;
      }
      catchTypes.push(type);
      this.skipNewlines();
      comma = this.peek();
      if (comma.kind !== 'Comma') break;
      this.skip();
    }
    const body = this.statementBlockRule();
    if (body === null) {
      const after = catchTypes.length > 0 ? catchTypes[catchTypes.length - 1]!.extent.endOffset : this.endOf(catchToken);
      this.failAfter('The Catch block is missing its statement block.', after);
    }
    return { type: 'CatchClauseAst', extent: this.span(this.startOf(catchToken), body.extent.endOffset), catchTypes, body };
  }

  private flowWithPipelineRule(t: Token): StatementAst {
    const pipeline = this.pipelineChainRule();
    if (pipeline !== null && pipeline.type !== 'PipelineAst') {
      this.fail(`An assignment after '${t.text}' is outside the runbook subset.`, pipeline.extent.startOffset);
    }
    const extent = this.span(this.startOf(t), pipeline !== null ? pipeline.extent.endOffset : this.endOf(t));
    if (t.value === 'return' && this.shared.flow.inFinally) this.defer({ reason: CONTROL_LEAVING_FINALLY, offset: extent.startOffset });
    return t.value === 'throw' ? { type: 'ThrowStatementAst', extent, pipeline } : { type: 'ReturnStatementAst', extent, pipeline };
  }

  private breakOrContinueRule(t: Token): StatementAst {
    const label = this.labelOrKeyRule();
    if (label !== null) this.fail(`Loop labels after '${t.text}' are outside the runbook subset.`, label.extent.startOffset);
    const extent = this.tokenExtent(t);
    if (this.shared.flow.inFinally && this.shared.flow.loops === 0) this.defer({ reason: CONTROL_LEAVING_FINALLY, offset: extent.startOffset });
    return t.value === 'break' ? { type: 'BreakStatementAst', extent } : { type: 'ContinueStatementAst', extent };
  }

  // ---- pipelines and commands ----

  /** A command word cannot start an expression, so PowerShell's expression-first attempt can be skipped. */
  private atCommandWord(): boolean {
    return this.tok.mode === 'command' && isCommandWord(this.peek());
  }

  private pipelineChainRule(): PipelineAst | AssignmentStatementAst | null {
    let expr: ExpressionAst | null = null;
    let assign: Token | null = null;
    if (!this.atCommandWord()) {
      const old = this.setMode('expression');
      try {
        expr = this.expressionRule();
        if (expr !== null) {
          const t = this.peek();
          if (ASSIGNMENT_OPERATORS[t.kind] !== undefined) {
            this.skip();
            assign = t;
          } else if (t.kind === 'QuestionQuestionEquals') {
            this.failAt("The '??=' operator (PowerShell 7) is outside the runbook subset.", t);
          }
        }
      } finally {
        this.setMode(old);
      }
    }
    if (expr !== null && assign !== null) {
      this.skipNewlines();
      const right = this.statementRule();
      if (right === null) this.failAfter(`You must provide a value expression following the '${assign.text}' operator.`, this.endOf(assign));
      this.defer(checkAssignmentTarget(expr, ASSIGNMENT_OPERATORS[assign.kind]!));
      return {
        type: 'AssignmentStatementAst',
        extent: this.span(expr.extent.startOffset, right.extent.endOffset),
        left: expr,
        operator: ASSIGNMENT_OPERATORS[assign.kind]!,
        right,
      };
    }
    const pipeline = this.pipelineRule(expr);
    if (pipeline === null) return null;
    const t = this.peek();
    if (t.kind === 'AndAnd' || t.kind === 'OrOr') {
      this.failAt(`The '${t.text}' pipeline chain operator (PowerShell 7) is not supported by the runbook subset.`, t);
    }
    if (t.kind === 'Ampersand') this.failAt("The background operator '&' (PowerShell 7) is not supported by the runbook subset.", t);
    return pipeline;
  }

  private pipelineRule(startExpression: ExpressionAst | null): PipelineAst | null {
    const elements: (CommandAst | CommandExpressionAst)[] = [];
    let pipeToken: Token | null = null;
    let expr = startExpression;
    for (;;) {
      if (expr === null && !this.atCommandWord()) {
        const old = this.setMode('expression');
        try {
          expr = this.expressionRule();
        } finally {
          this.setMode(old);
        }
      }
      let element: CommandAst | CommandExpressionAst | null;
      if (expr !== null) {
        if (elements.length > 0) this.fail('Expressions are only allowed as the first element of a pipeline.', expr.extent.startOffset);
        this.rejectRedirection(this.peek());
        element = { type: 'CommandExpressionAst', extent: expr.extent, expression: expr };
      } else {
        element = this.commandRule();
      }
      if (element !== null) {
        elements.push(element);
      } else if (elements.length > 0 || this.peek().kind === 'Pipe') {
        if (pipeToken !== null) this.failAfter('An empty pipe element is not allowed.', this.endOf(pipeToken));
        this.failAt('An empty pipe element is not allowed.', this.peek());
      }
      expr = null;
      let t = this.peek();
      if (t.kind === 'NewLine' && this.tok.isPipeContinuation(t.end)) {
        this.skipNewlines();
        t = this.peek();
      }
      switch (t.kind) {
        case 'Semi':
        case 'NewLine':
        case 'RParen':
        case 'RCurly':
        case 'EndOfInput':
        case 'AndAnd':
        case 'OrOr':
        case 'Ampersand':
          break;
        case 'Pipe':
          this.skip();
          this.skipNewlines();
          pipeToken = t;
          if (this.peek().kind === 'EndOfInput') this.failAfter('An empty pipe element is not allowed.', this.endOf(t));
          continue;
        default:
          this.rejectRedirection(t);
          this.failAt(`Unexpected token '${t.text}' in expression or statement.`, t);
      }
      break;
    }
    if (elements.length === 0) return null;
    const first = elements[0]!;
    const last = elements[elements.length - 1]!;
    const extent = elements.length === 1 ? first.extent : this.span(first.extent.startOffset, last.extent.endOffset);
    return { type: 'PipelineAst', extent, pipelineElements: elements };
  }

  private rejectRedirection(t: Token): void {
    if (t.kind === 'Redirection') this.failAt(`Redirection ('${t.text}') is outside the runbook subset.`, t);
    if (t.kind === 'RedirectInStd') this.failAt("The '<' operator is reserved for future use.", t);
  }

  private commandRule(): CommandAst | null {
    const old = this.setMode('command');
    try {
      let t = this.next();
      const first = t;
      let invocationOperator: CommandAst['invocationOperator'] = null;
      if (t.kind === 'Dot' || t.kind === 'Ampersand') {
        invocationOperator = t.kind === 'Dot' ? '.' : '&';
        t = this.next();
      }
      let context: 'name' | 'argument' = 'name';
      const elements: CommandElementAst[] = [];
      let sawDashDash = false;
      let end = this.startOf(first);
      let scanning = true;
      while (scanning) {
        switch (t.kind) {
          case 'Pipe':
          case 'RCurly':
          case 'RParen':
          case 'EndOfInput':
          case 'NewLine':
          case 'Semi':
          case 'AndAnd':
          case 'OrOr':
          case 'Ampersand':
            this.unget(t);
            scanning = false;
            continue;
          case 'MinusMinus':
            elements.push(sawDashDash ? this.bareWord(t, t.text) : this.parameter(t, '-', null, this.endOf(t)));
            sawDashDash = true;
            end = this.endOf(t);
            break;
          case 'Comma':
            this.failAt('Missing argument in parameter list.', t);
            break;
          case 'Parameter': {
            if (context === 'name' || sawDashDash) {
              elements.push(this.bareWord(t, t.text));
              end = this.endOf(t);
              break;
            }
            let argument: ExpressionAst | null = null;
            if (t.usedColon === true && this.peek().kind !== 'Comma') {
              argument = this.commandArgument('argument', this.next(), true);
              if (argument === null) this.fail(`Parameter ${t.text} requires an argument.`, this.endOf(t));
            }
            end = argument !== null ? argument.extent.endOffset : this.endOf(t);
            elements.push(this.parameter(t, t.value, argument, end));
            break;
          }
          case 'Redirection':
          case 'RedirectInStd':
            this.rejectRedirection(t);
            break;
          default: {
            const ast = this.commandArgument(context === 'name' ? (invocationOperator !== null ? 'invokedName' : 'name') : 'argument', t);
            if (ast === null) this.failAt(`Unexpected token '${t.text}' in expression or statement.`, t);
            elements.push(ast);
            end = ast.extent.endOffset;
            if (isStringToken(t) && t.value === '--%') {
              const verbatim = this.verbatimArgument(t);
              if (verbatim !== null) {
                elements.push(verbatim);
                end = verbatim.extent.endOffset;
                scanning = false;
                continue;
              }
            }
          }
        }
        context = 'argument';
        t = this.next();
      }
      if (elements.length === 0) {
        if (invocationOperator !== null) this.failAt(`Missing expression after '${first.text}' in pipeline element.`, first);
        return null;
      }
      return { type: 'CommandAst', extent: this.span(this.startOf(first), end), commandElements: elements, invocationOperator };
    } finally {
      this.setMode(old);
    }
  }

  /** After a `--%` argument: the rest of the line as one bare word, when PowerShell would take it verbatim. */
  private verbatimArgument(marker: Token): StringConstantExpressionAst | null {
    if (this.ungot !== null) {
      if (this.ungot.kind !== 'Parameter') return null;
      this.failAt(
        `A quoted '--%' followed by a parameter makes PowerShell drop '${this.ungot.text}' and take the rest of the line verbatim; `
        + "write the value as -Name:'--%' or ('--%') instead.",
        marker,
      );
    }
    const v = this.tok.verbatimArgument();
    return this.bareWord(v, v.value);
  }

  private parameter(t: Token, name: string, argument: ExpressionAst | null, end: number): CommandParameterAst {
    return {
      type: 'CommandParameterAst',
      extent: this.span(this.startOf(t), end),
      parameterName: name,
      argument,
      usedColon: t.usedColon === true,
      dash: t.text[0]!,
    };
  }

  /** A command name or argument starting at `token`; in argument context commas build an array. */
  private commandArgument(context: 'name' | 'invokedName' | 'argument', token: Token, ofParameter = false): ExpressionAst | null {
    let t = token;
    let items: ExpressionAst[] | null = null;
    let comma: Token | null = null;
    let ast: ExpressionAst;
    for (;;) {
      let verbatim = false;
      switch (t.kind) {
        case 'Pipe':
        case 'RCurly':
        case 'RParen':
        case 'EndOfInput':
        case 'NewLine':
        case 'Semi':
        case 'Redirection':
        case 'RedirectInStd':
        case 'AndAnd':
        case 'OrOr':
        case 'Ampersand':
        case 'MinusMinus':
        case 'Comma':
          this.unget(t);
          if (comma === null) return null;
          return this.failAfter("Missing expression after ',' in pipeline element.", this.endOf(comma));
        case 'SplattedVariable':
        case 'Variable':
        case 'Number':
        case 'StringLiteral':
        case 'StringExpandable':
        case 'HereStringLiteral':
        case 'HereStringExpandable':
        case 'LParen':
        case 'DollarParen':
        case 'AtParen':
        case 'AtCurly':
        case 'LCurly':
          this.unget(t);
          this.splatAllowed = !ofParameter;
          ast = this.primaryExpressionRule(true)!;
          break;
        case 'Generic':
          if (t.parts !== undefined && context !== 'name') {
            ast = this.expandable(t, 'BareWord');
          } else {
            ast = this.bareWord(t, t.value);
            verbatim = t.value === '--%';
          }
          break;
        default:
          ast = this.bareWord(t, t.text);
      }
      if (context !== 'argument' || verbatim) break;
      const next = this.peek();
      if (next.kind !== 'Comma') break;
      comma = next;
      (items ??= []).push(ast);
      this.skip();
      this.skipNewlines();
      t = this.next();
    }
    if (items === null) return ast;
    items.push(ast);
    if (!ofParameter) {
      for (const item of items) {
        if (item.type === 'VariableExpressionAst' && item.splatted) this.defer(splattingNotPermitted(item.variablePath, item.extent.startOffset, true));
      }
    }
    return this.arrayLiteral(items);
  }

  private arrayLiteral(elements: ExpressionAst[]): ArrayLiteralAst {
    return {
      type: 'ArrayLiteralAst',
      extent: this.span(elements[0]!.extent.startOffset, elements[elements.length - 1]!.extent.endOffset),
      elements,
    };
  }

  // ---- expressions ----

  private expressionRule(endNumberOnTernary = false): ExpressionAst | null {
    const old = this.setMode('expression');
    try {
      const expr = this.binaryExpressionRule(endNumberOnTernary);
      if (expr !== null) {
        const t = this.peek();
        if (t.kind === 'QuestionMark') this.failAt("The ternary operator '? :' (PowerShell 7) is outside the runbook subset.", t);
      }
      return expr;
    } finally {
      this.setMode(old);
    }
  }

  private checkBinaryOperator(t: Token): void {
    if (t.kind === 'QuestionQuestion') this.failAt("The '??' operator (PowerShell 7) is outside the runbook subset.", t);
  }

  private binaryExpressionRule(endNumberOnTernary: boolean): ExpressionAst | null {
    const old = this.setMode('expression');
    let entered = 0;
    try {
      const first = this.arrayLiteralRule(endNumberOnTernary);
      if (first === null) return null;
      let t = this.peek();
      if (binaryPrecedence(t) === 0) {
        if (t.kind === 'Parameter') this.failAt(`Unexpected token '${t.text}' in expression or statement.`, t);
        return first;
      }
      this.skip();
      this.checkBinaryOperator(t);
      const operands: ExpressionAst[] = [first];
      const operators: Token[] = [t];
      let precedence = binaryPrecedence(t);
      for (;;) {
        this.enter(t);
        entered++;
        this.skipNewlines();
        const rhs = this.arrayLiteralRule(true);
        if (rhs === null) this.failAfter(`You must provide a value expression following the '${t.text}' operator.`, this.endOf(t));
        operands.push(rhs);
        t = this.next();
        const p = binaryPrecedence(t);
        if (p === 0) {
          this.unget(t);
          if (t.kind === 'Parameter') this.failAt(`Unexpected token '${t.text}' in expression or statement.`, t);
          break;
        }
        this.checkBinaryOperator(t);
        while (p <= precedence) {
          const right = operands.pop()!;
          const left = operands.pop()!;
          operands.push(this.binary(left, operators.pop()!, right));
          if (operators.length === 0) break;
          precedence = binaryPrecedence(operators[operators.length - 1]!);
        }
        operators.push(t);
        precedence = p;
      }
      let right = operands.pop()!;
      while (operands.length > 0) right = this.binary(operands.pop()!, operators.pop()!, right);
      return right;
    } finally {
      this.leave(entered);
      this.setMode(old);
    }
  }

  private binary(left: ExpressionAst, op: Token, right: ExpressionAst): ExpressionAst {
    return {
      type: 'BinaryExpressionAst',
      extent: this.span(left.extent.startOffset, right.extent.endOffset),
      operator: binaryOperatorText(op),
      left,
      right,
    };
  }

  private arrayLiteralRule(endNumberOnTernary: boolean): ExpressionAst | null {
    const first = this.unaryExpressionRule(endNumberOnTernary);
    if (first === null) return null;
    let comma = this.peek();
    if (comma.kind !== 'Comma' || this.disableCommaOperator) return first;
    const elements = [first];
    while (comma.kind === 'Comma') {
      this.skip();
      this.skipNewlines();
      const e = this.unaryExpressionRule(true);
      if (e === null) this.failAfter("Missing expression after ','.", this.endOf(comma));
      elements.push(e);
      comma = this.peek();
    }
    return this.arrayLiteral(elements);
  }

  private unaryExpressionRule(endNumberOnTernary = false): ExpressionAst | null {
    let t: Token;
    const oldAllow = this.tok.allowSignedNumbers;
    const oldTernary = this.tok.forceEndNumberOnTernaryOpChars;
    try {
      this.tok.allowSignedNumbers = true;
      this.tok.forceEndNumberOnTernaryOpChars = endNumberOnTernary;
      if (this.ungot !== null && (this.ungot.kind === 'Minus' || (endNumberOnTernary && this.ungot.kind === 'Generic'))) this.resync(this.ungot.start);
      t = this.peek();
    } finally {
      this.tok.allowSignedNumbers = oldAllow;
      this.tok.forceEndNumberOnTernaryOpChars = oldTernary;
    }
    this.enter(t);
    try {
      let expr: ExpressionAst | null;
      if (isUnaryOperator(t)) {
        if (this.disableCommaOperator && t.kind === 'Comma') return null;
        this.skip();
        this.skipNewlines();
        const child = this.unaryExpressionRule(true);
        if (child === null) this.failAfter(`Missing expression after unary operator '${t.text}'.`, this.endOf(t));
        const extent = this.span(this.startOf(t), child.extent.endOffset);
        expr = t.kind === 'Comma'
          ? { type: 'ArrayLiteralAst', extent, elements: [child] }
          : { type: 'UnaryExpressionAst', extent, operator: unaryOperatorText(t), child };
        if (t.kind === 'PlusPlus' || t.kind === 'MinusMinus') this.defer(checkIncrementTarget(child, unaryOperatorText(t)));
      } else if (t.kind === 'LBracket') {
        expr = this.typeLiteralOrCast();
      } else {
        expr = this.primaryExpressionRule(true);
      }
      if (expr !== null) {
        const p = this.peek();
        if (p.kind === 'PlusPlus' || p.kind === 'MinusMinus') {
          this.skip();
          this.defer(checkIncrementTarget(expr, p.kind === 'PlusPlus' ? '++' : '--'));
          expr = {
            type: 'UnaryExpressionAst',
            extent: this.span(expr.extent.startOffset, this.endOf(p)),
            operator: (p.kind === 'PlusPlus' ? '++' : '--') + 'postfix',
            child: expr,
          };
        }
      }
      return expr;
    } finally {
      this.leave();
    }
  }

  /** `[Type]` alone (TypeExpressionAst, possibly with `::Member`) or `[Type]expr` casts, outermost first. */
  private typeLiteralOrCast(): ExpressionAst | null {
    const types: TypeConstraintAst[] = [];
    let entered = 0;
    try {
      for (;;) {
        const type = this.attributeRule();
        if (type === null) break;
        types.push(type);
        this.enter(type.extent.startOffset);
        entered++;
      }
      if (types.length === 0) return null;
      const last = types[types.length - 1]!;
      const typeExpr = (): ExpressionAst => ({ type: 'TypeExpressionAst', extent: last.extent, typeName: last.typeName });
      let expr: ExpressionAst | null = null;
      const member = this.ungot === null ? this.tok.memberAccessOperator(false) : null;
      if (member !== null) {
        expr = this.checkPostPrimary(member, typeExpr());
      } else {
        const t = this.peek();
        if (t.kind !== 'NewLine' && t.kind !== 'Comma') {
          const child = this.unaryExpressionRule(true);
          if (child !== null) expr = this.convert(last, child);
        }
      }
      expr ??= typeExpr();
      for (let i = types.length - 2; i >= 0; i--) expr = this.convert(types[i]!, expr);
      return expr;
    } finally {
      this.leave(entered);
    }
  }

  private convert(typeConstraint: TypeConstraintAst, child: ExpressionAst): ExpressionAst {
    this.defer(checkOrdered(typeConstraint.typeName, child, typeConstraint.extent.startOffset));
    return {
      type: 'ConvertExpressionAst',
      extent: this.span(typeConstraint.extent.startOffset, child.extent.endOffset),
      typeConstraint,
      child,
    };
  }

  /** `[TypeName]` (a type constraint); attributes `[Name(...)]` are outside the subset. Null when no `[` follows. */
  private attributeRule(): TypeConstraintAst | null {
    let lBracket: Token | null;
    if (this.ungot !== null) {
      if (this.ungot.kind !== 'LBracket') return null;
      lBracket = this.next();
    } else {
      lBracket = this.tok.lBracket();
    }
    if (lBracket === null) return null;
    this.skipNewlines();
    const typeName = this.typeNameRule();
    if (typeName === null) this.failAfter("Missing type name after '['.", this.endOf(lBracket));
    const close = this.next();
    if (close.kind === 'LParen') this.failAt(`Attributes ('[${typeName}(...)]') are outside the runbook subset.`, lBracket);
    if (close.kind !== 'RBracket') this.fail('Missing ] at end of attribute or type literal.', this.startOf(close), this.startOf(close));
    return { type: 'TypeConstraintAst', extent: this.span(this.startOf(lBracket), this.endOf(close)), typeName };
  }

  private typeNameRule(): string | null {
    const old = this.setMode('typename');
    try {
      const t = this.next();
      if (t.kind !== 'Identifier') {
        this.unget(t);
        return null;
      }
      return this.finishTypeName(t, false);
    } finally {
      this.setMode(old);
    }
  }

  private rejectAssemblyName(t: Token): void {
    this.failAt("Assembly-qualified type names ('[Type, Assembly]') are outside the runbook subset.", t);
  }

  private finishTypeName(name: Token, unbracketedGenericArg: boolean): string {
    const t = this.peek();
    if (t.kind === 'LBracket') {
      this.skip();
      this.skipNewlines();
      const first = this.next();
      switch (first.kind) {
        case 'RBracket':
        case 'Comma':
          return this.completeArrayTypeName(name.text, first, unbracketedGenericArg);
        case 'LBracket':
        case 'Identifier':
          return this.genericTypeName(name.text, first, unbracketedGenericArg);
        case 'EndOfInput':
          return this.failAfter("Missing type name after '['.", this.endOf(t));
        default:
          return this.failAt(`Unexpected token '${first.text}' in expression or statement.`, first);
      }
    }
    if (t.kind === 'Comma' && !unbracketedGenericArg) this.rejectAssemblyName(t);
    return name.text;
  }

  private completeArrayTypeName(element: string, firstAfterLBracket: Token, unbracketedGenericArg: boolean): string {
    let name = element;
    let first = firstAfterLBracket;
    for (let level = 0; ; level++) {
      if (level > 200) this.failAt('Processing was stopped because the script is too complex.', first);
      if (first.kind === 'Comma') {
        let dims = 1;
        let lastComma = first;
        let t = first;
        do {
          lastComma = t;
          dims++;
          t = this.next();
        } while (t.kind === 'Comma');
        if (dims > 32) this.failAt(`The array type has ${dims} dimensions; the maximum is 32.`, first);
        if (t.kind !== 'RBracket') this.failAfter('Missing ] at end of attribute or type literal.', this.endOf(lastComma));
        name += '[' + ','.repeat(dims - 1) + ']';
      } else if (first.kind === 'RBracket') {
        name += '[]';
      } else if (first.kind === 'EndOfInput') {
        this.fail('Missing ] at end of attribute or type literal.', this.startOf(first), this.startOf(first));
      } else {
        this.failAt(`Unexpected token '${first.text}' in expression or statement.`, first);
      }
      const t = this.peek();
      if (!unbracketedGenericArg && t.kind === 'Comma') this.rejectAssemblyName(t);
      if (t.kind !== 'LBracket') return name;
      this.skip();
      first = this.next();
    }
  }

  private genericTypeName(name: string, first: Token, unbracketedGenericArg: boolean): string {
    this.enter(first);
    try {
      const args = [this.singleGenericArgument(first)];
      let last: Token;
      for (;;) {
        this.skipNewlines();
        last = this.next();
        if (last.kind !== 'Comma') break;
        this.skipNewlines();
        const t = this.peek();
        if (t.kind !== 'Identifier' && t.kind !== 'LBracket') this.failAfter("Missing type name after '['.", this.endOf(last));
        this.skip();
        args.push(this.singleGenericArgument(t));
      }
      if (last.kind !== 'RBracket') this.fail('Missing ] at end of attribute or type literal.', this.startOf(last), this.startOf(last));
      const result = `${name}[${args.join(',')}]`;
      const t = this.peek();
      if (t.kind === 'LBracket') {
        this.skip();
        return this.completeArrayTypeName(result, this.next(), unbracketedGenericArg);
      }
      if (t.kind === 'Comma' && !unbracketedGenericArg) this.rejectAssemblyName(t);
      return result;
    } finally {
      this.leave();
    }
  }

  private singleGenericArgument(first: Token): string {
    if (first.kind === 'Identifier') return this.finishTypeName(first, true);
    const t = this.next();
    if (t.kind !== 'Identifier') this.failAfter("Missing type name after '['.", this.endOf(first));
    const name = this.finishTypeName(t, false);
    const close = this.next();
    if (close.kind !== 'RBracket') this.fail('Missing ] at end of type token.', this.startOf(close), this.startOf(close));
    return name;
  }

  // ---- primary expressions ----

  private primaryExpressionRule(withMemberAccess: boolean): ExpressionAst | null {
    const splatAllowed = this.splatAllowed;
    this.splatAllowed = false;
    const t = this.next();
    this.enter(t);
    try {
      let expr: ExpressionAst;
      switch (t.kind) {
        case 'SplattedVariable':
        case 'Variable':
          expr = this.variable(t);
          break;
        case 'Number':
          expr = { type: 'ConstantExpressionAst', extent: this.tokenExtent(t), value: t.number!.value, staticType: t.number!.staticType };
          break;
        case 'StringExpandable':
          expr = this.expandable(t, 'DoubleQuoted');
          break;
        case 'HereStringExpandable':
          expr = this.expandable(t, 'DoubleQuotedHereString');
          break;
        case 'StringLiteral':
          expr = this.stringConstant(t, t.value, 'SingleQuoted');
          break;
        case 'HereStringLiteral':
          expr = this.stringConstant(t, t.value, 'SingleQuotedHereString');
          break;
        case 'LParen':
          expr = this.parenthesizedExpressionRule(t);
          break;
        case 'AtParen':
        case 'DollarParen':
          expr = this.subExpressionRule(t);
          break;
        case 'AtCurly':
          expr = this.hashExpressionRule(t);
          break;
        case 'LCurly':
          expr = this.scriptBlockExpressionRule(t);
          break;
        default:
          this.unget(t);
          return null;
      }
      const result = withMemberAccess ? this.checkPostPrimary(this.ungot === null ? this.tok.memberAccessOperator(true) : null, expr) : expr;
      if (t.kind === 'SplattedVariable' && (!splatAllowed || result !== expr)) this.defer(splattingNotPermitted(t.value, this.startOf(t), false));
      return result;
    } finally {
      this.leave();
    }
  }

  private checkPostPrimary(first: Token | null, target: ExpressionAst): ExpressionAst {
    let expr = target;
    let op = first;
    let entered = 0;
    try {
      while (op !== null) {
        this.enter(op);
        entered++;
        this.skipNewlines();
        if (op.kind === 'Dot' || op.kind === 'ColonColon') expr = this.memberAccessRule(expr, op);
        else if (op.kind === 'LBracket') expr = this.elementAccessRule(expr, op);
        else this.failAt(`The null-conditional operator '${op.text}' (PowerShell 7) is outside the runbook subset.`, op);
        op = this.ungot === null ? this.tok.memberAccessOperator(true) : null;
      }
      return expr;
    } finally {
      this.leave(entered);
    }
  }

  private memberAccessRule(target: ExpressionAst, op: Token): ExpressionAst {
    const member = this.memberNameRule();
    if (member === null) this.failAfter('Missing property name after reference operator.', this.endOf(op));
    const isStatic = op.kind === 'ColonColon';
    if (this.ungot === null) {
      const open = this.tok.invokeMemberOpenParen();
      if (open !== null) {
        let args: ExpressionAst[];
        let end: number;
        if (open.kind === 'LParen') {
          [args, end] = this.invokeParamParenListRule(open);
        } else {
          this.skipNewlines();
          const block = this.scriptBlockExpressionRule(open);
          args = [block];
          end = block.extent.endOffset;
        }
        return {
          type: 'InvokeMemberExpressionAst',
          extent: this.span(target.extent.startOffset, end),
          expression: target,
          member,
          arguments: args,
          static: isStatic,
        };
      }
    }
    return {
      type: 'MemberExpressionAst',
      extent: this.span(target.extent.startOffset, member.extent.endOffset),
      expression: target,
      member,
      static: isStatic,
    };
  }

  private memberNameRule(): ExpressionAst | null {
    const simple = this.simpleNameRule();
    if (simple !== null) return simple;
    const t = this.peek();
    if (isUnaryOperator(t) || t.kind === 'LBracket') return this.unaryExpressionRule();
    return this.primaryExpressionRule(false);
  }

  private simpleNameRule(): StringConstantExpressionAst | null {
    let t: Token;
    this.tok.wantSimpleName = true;
    try {
      t = this.peek();
    } finally {
      this.tok.wantSimpleName = false;
    }
    if (t.kind !== 'Identifier') return null;
    this.skip();
    return this.bareWord(t, t.text);
  }

  private labelOrKeyRule(): ExpressionAst | null {
    const simple = this.simpleNameRule();
    if (simple !== null) return simple;
    const t = this.peek();
    if (t.kind === 'NewLine' || t.kind === 'Semi') return null;
    const old = this.disableCommaOperator;
    this.disableCommaOperator = true;
    try {
      return this.unaryExpressionRule();
    } finally {
      this.disableCommaOperator = old;
    }
  }

  private invokeParamParenListRule(lParen: Token): [ExpressionAst[], number] {
    const args: ExpressionAst[] = [];
    const old = this.disableCommaOperator;
    this.disableCommaOperator = true;
    try {
      let comma: Token | null = null;
      for (;;) {
        this.skipNewlines();
        const arg = this.expressionRule();
        if (arg === null) {
          if (comma !== null) this.failAfter("Missing expression after ','.", this.endOf(comma));
          break;
        }
        args.push(arg);
        this.skipNewlines();
        const c = this.next();
        if (c.kind !== 'Comma') {
          this.unget(c);
          break;
        }
        comma = c;
      }
      this.skipNewlines();
      const rParen = this.next();
      if (rParen.kind !== 'RParen') {
        this.failAfter("Missing ')' in method call.", args.length > 0 ? args[args.length - 1]!.extent.endOffset : this.endOf(lParen));
      }
      return [args, this.endOf(rParen)];
    } finally {
      this.disableCommaOperator = old;
    }
  }

  private elementAccessRule(target: ExpressionAst, lBracket: Token): ExpressionAst {
    this.skipNewlines();
    const old = this.disableCommaOperator;
    this.disableCommaOperator = false;
    let index: ExpressionAst | null;
    try {
      index = this.expressionRule();
    } finally {
      this.disableCommaOperator = old;
    }
    if (index === null) this.failAfter('Array index expression is missing or not valid.', this.endOf(lBracket));
    this.skipNewlines();
    const rBracket = this.next();
    if (rBracket.kind !== 'RBracket') this.failAfter("Missing ']' after array index expression.", index.extent.endOffset);
    return { type: 'IndexExpressionAst', extent: this.span(target.extent.startOffset, this.endOf(rBracket)), target, index };
  }

  private parenthesizedExpressionRule(lParen: Token): ExpressionAst {
    const old = this.setMode('command');
    const oldComma = this.disableCommaOperator;
    this.disableCommaOperator = false;
    try {
      this.skipNewlines();
      const pipeline = this.pipelineChainRule();
      if (pipeline === null) this.failAfter("An expression was expected after '('.", this.endOf(lParen));
      this.skipNewlines();
      const rParen = this.next();
      if (rParen.kind !== 'RParen') this.failAfter("Missing closing ')' in expression.", pipeline.extent.endOffset);
      return { type: 'ParenExpressionAst', extent: this.span(this.startOf(lParen), this.endOf(rParen)), pipeline };
    } finally {
      this.disableCommaOperator = oldComma;
      this.setMode(old);
    }
  }

  private subExpressionRule(first: Token): ExpressionAst {
    const old = this.setMode('command');
    const oldComma = this.disableCommaOperator;
    this.disableCommaOperator = false;
    try {
      this.skipNewlines();
      const statements = this.statementListRule();
      this.skipNewlines();
      const rParen = this.next();
      if (rParen.kind !== 'RParen') this.fail("Missing closing ')' in subexpression.", this.startOf(rParen), this.startOf(rParen));
      const blockExtent = statements.length === 1
        ? statements[0]!.extent
        : statements.length > 0
          ? this.span(statements[0]!.extent.startOffset, statements[statements.length - 1]!.extent.endOffset)
          : this.span(this.endOf(first), this.endOf(first));
      const subExpression: StatementBlockAst = { type: 'StatementBlockAst', extent: blockExtent, statements };
      const extent = this.span(this.startOf(first), this.endOf(rParen));
      return first.kind === 'DollarParen'
        ? { type: 'SubExpressionAst', extent, subExpression }
        : { type: 'ArrayExpressionAst', extent, subExpression };
    } finally {
      this.disableCommaOperator = oldComma;
      this.setMode(old);
    }
  }

  private hashExpressionRule(atCurly: Token): HashtableAst {
    this.skipNewlines();
    const keyValuePairs: (readonly [ExpressionAst, StatementAst])[] = [];
    for (;;) {
      const pair = this.keyValuePair();
      if (pair === null) break;
      keyValuePairs.push(pair);
      const t = this.peek();
      if (t.kind !== 'NewLine' && t.kind !== 'Semi') break;
      this.skipNewlinesAndSemicolons();
    }
    const rCurly = this.next();
    if (rCurly.kind !== 'RCurly') this.fail("Missing closing '}' in statement block or type definition.", this.endOf(atCurly), this.startOf(rCurly));
    const hashtable: HashtableAst = { type: 'HashtableAst', extent: this.span(this.startOf(atCurly), this.endOf(rCurly)), keyValuePairs };
    this.defer(checkDuplicateKeys(hashtable));
    return hashtable;
  }

  private keyValuePair(): readonly [ExpressionAst, StatementAst] | null {
    let key: ExpressionAst | null;
    let equals: Token;
    const old = this.setMode('expression');
    try {
      key = this.labelOrKeyRule();
      if (key === null) return null;
      equals = this.next();
    } finally {
      this.setMode(old);
    }
    if (equals.kind !== 'Equals') this.failAfter("Missing '=' operator after key in hash literal.", key.extent.endOffset);
    const old2 = this.setMode('command');
    try {
      this.skipNewlines();
      const value = this.statementRule();
      if (value === null) this.failAfter("Missing statement after '=' in hash literal.", this.endOf(equals));
      return [key, value];
    } finally {
      this.setMode(old2);
    }
  }

  private scriptBlockExpressionRule(lCurly: Token): ExpressionAst {
    const old = this.setMode('command');
    const oldComma = this.disableCommaOperator;
    this.disableCommaOperator = false;
    try {
      const statements = this.withFlow(false, () => this.namedBlockBody());
      const rCurly = this.next();
      if (rCurly.kind !== 'RCurly') this.fail("Missing closing '}' in statement block or type definition.", this.startOf(lCurly), this.startOf(rCurly));
      const extent = this.span(this.startOf(lCurly), this.endOf(rCurly));
      return { type: 'ScriptBlockExpressionAst', extent, scriptBlock: { type: 'ScriptBlockAst', extent, statements } };
    } finally {
      this.disableCommaOperator = oldComma;
      this.setMode(old);
    }
  }

  // ---- leaves ----

  private variable(t: Token): VariableExpressionAst {
    return { type: 'VariableExpressionAst', extent: this.tokenExtent(t), variablePath: t.value, splatted: t.kind === 'SplattedVariable' };
  }

  private stringConstant(t: Token, value: string, stringConstantType: StringConstantType): StringConstantExpressionAst {
    return { type: 'StringConstantExpressionAst', extent: this.tokenExtent(t), value, stringConstantType };
  }

  private bareWord(t: Token, value: string): StringConstantExpressionAst {
    return this.stringConstant(t, value, 'BareWord');
  }

  /** A double-quoted string, here-string or bare word: constant unless it holds variables or `$(...)`. */
  private expandable(t: Token, stringConstantType: StringConstantType): ExpressionAst {
    if (t.parts === undefined) return this.stringConstant(t, t.value, stringConstantType);
    const parts = t.parts.map((part) => {
      if (typeof part === 'string') return part;
      if ('kind' in part && part.kind === 'subexpression') return this.nestedSubExpression(part);
      return this.variable(part as Token);
    });
    return { type: 'ExpandableStringExpressionAst', extent: this.tokenExtent(t), parts, stringConstantType };
  }

  /** Parses the text of a `$(...)` found inside a string, as PowerShell does after scanning the string. */
  private nestedSubExpression(sub: NestedSubExpression): ExpressionAst {
    const tok = sub.map !== null
      ? new Tokenizer(this.src, sub.text, 0, sub.text.length, sub.map, false)
      : new Tokenizer(this.src, this.tok.text, sub.start, sub.end, this.tok.map, false);
    const expr = new Parser(this.src, tok, this.shared).primaryExpressionRule(true);
    if (expr === null) this.fail('A $(subexpression) was expected.', this.tok.origin(sub.start));
    return expr;
  }
}


/**
 * Parses a runbook (a subset of PowerShell) into an AST; throws ParseError (and nothing else) on bad input.
 * @example parse("Get-ExchangeCertificate -Server AMS-EXCH01 | fl").statements[0]
 */
export function parse(text: string, options: ParseOptions = {}): ScriptBlockAst {
  const src = new SourceText(text, options.file);
  try {
    const tok = new Tokenizer(src, text, 0, text.length, null, true);
    const shared: SharedState = { depth: 0, issue: null, flow: { inFinally: false, loops: 0 } };
    const ast = new Parser(src, tok, shared).scriptRule();
    if (shared.issue !== null) throw src.error(shared.issue.reason, shared.issue.offset, false);
    return ast;
  } catch (e) {
    if (e instanceof ParseError) throw e;
    if (e instanceof RangeError) throw src.error('The script is too deeply nested or too complex for the runbook parser.', 0);
    throw src.error(`Internal parser error: ${e instanceof Error ? e.message : String(e)}`, 0);
  }
}
