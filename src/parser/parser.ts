// Recursive-descent parser for the runbook subset of PowerShell, following PowerShell's Parser.cs rule by rule.
import type {
  AssignmentStatementAst,
  AttributeAst,
  CatchClauseAst,
  CommandAst,
  CommandElementAst,
  CommandExpressionAst,
  CommandParameterAst,
  DoUntilStatementAst,
  DoWhileStatementAst,
  ExpressionAst,
  ForEachStatementAst,
  ForStatementAst,
  IfStatementAst,
  PipelineAst,
  PipelineBaseAst,
  PipelineChainAst,
  RedirectionAst,
  RedirectionStream,
  SwitchClauseAst,
  SwitchStatementAst,
  WhileStatementAst,
  ScriptBlockAst,
  StatementAst,
  StatementBlockAst,
  StringConstantExpressionAst,
  TryStatementAst,
  TypeConstraintAst,
} from '../ast/ast.js';
import { ParseError } from './parse-error.js';
import { SourceText } from './source-text.js';
import { Tokenizer } from './tokenizer.js';
import type { Token, TokenKind } from './token.js';
import {
  CONTROL_LEAVING_FINALLY,
  checkAssignmentTarget,
  checkCatchOrder,
  splattingNotPermitted,
} from './semantic-checks.js';
import { isLetter } from './char-traits.js';
import { DefinitionParser } from './definition-parser.js';
import { checkDialect } from './dialect-checks.js';
import { readRequirements } from './script-requirements.js';
import type { ParseDialect } from './dialect-checks.js';
import type { ExpressionParser } from './expression-parser.js';
import type { SharedState } from './parser-base.js';

/** Options for `parse`. */
export interface ParseOptions {
  /** A file name to show in error messages. */
  readonly file?: string;
  /**
   * The dialect the script is for: syntax it lacks is a ParseError (e.g. `&&` under 5.1, classes under 2.0,
   * workflows under 7). Omitted: the syntax of every dialect is accepted.
   */
  readonly shell?: ParseDialect;
}

/** Keywords PowerShell reserves without giving them a statement. */
const RESERVED_KEYWORDS: Readonly<Record<string, string>> = {
  from: "The 'from' keyword is not supported in this version of the language.",
  define: "The 'define' keyword is not supported in this version of the language.",
  var: "The 'var' keyword is not supported in this version of the language.",
};

const LOOP_KEYWORDS: ReadonlySet<string> = new Set(['foreach', 'for', 'while', 'do', 'switch']);

const STREAMS: Readonly<Record<string, RedirectionStream>> = {
  '*': 'All',
  '1': 'Output',
  '2': 'Error',
  '3': 'Warning',
  '4': 'Verbose',
  '5': 'Debug',
  '6': 'Information',
};

const ASSIGNMENT_OPERATORS: Readonly<Partial<Record<TokenKind, AssignmentStatementAst['operator']>>> = {
  QuestionQuestionEquals: '??=',
  Equals: '=',
  PlusEquals: '+=',
  MinusEquals: '-=',
  MultiplyEquals: '*=',
  DivideEquals: '/=',
  RemainderEquals: '%=',
};

/** A command-mode word starting with a letter: in expression mode it would only be an identifier, never an expression. */
function isCommandWord(t: Token): boolean {
  if (t.kind !== 'Generic' && t.kind !== 'Identifier' && t.kind !== 'Keyword') return false;
  const c = t.text.charCodeAt(0);
  return c === 0x5f || isLetter(c);
}

function isStringToken(t: Token): boolean {
  return (
    t.kind === 'Generic' ||
    t.kind === 'StringLiteral' ||
    t.kind === 'StringExpandable' ||
    t.kind === 'HereStringLiteral' ||
    t.kind === 'HereStringExpandable'
  );
}

/** Statements, pipelines and commands (PowerShell's Parser.cs: StatementRule, PipelineRule, CommandRule). */
class Parser extends DefinitionParser {
  /** The whole script. */
  scriptRule(): ScriptBlockAst {
    this.tok.mode = 'command';
    const body = this.scriptBlockBody(0, false, true);
    const t = this.next();
    if (t.kind !== 'EndOfInput') this.failAt(`Unexpected token '${t.text}' in expression or statement.`, t);
    return { type: 'ScriptBlockAst', extent: this.span(0, this.src.text.length), ...body };
  }

  protected statementListRule(): StatementAst[] {
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
  protected statementBlockRule(): StatementBlockAst | null {
    this.skipNewlines();
    const lCurly = this.next();
    if (lCurly.kind !== 'LCurly') {
      this.unget(lCurly);
      return null;
    }
    return this.nested(lCurly, () => {
      const statements = this.statementListRule();
      const rCurly = this.next();
      if (rCurly.kind !== 'RCurly') {
        this.fail(
          "Missing closing '}' in statement block or type definition.",
          this.startOf(lCurly),
          this.startOf(rCurly),
        );
      }
      return { type: 'StatementBlockAst', extent: this.span(this.startOf(lCurly), this.endOf(rCurly)), statements };
    });
  }

  protected statementRule(): StatementAst | null {
    const t = this.next();
    this.enter(t);
    try {
      if (t.kind === 'Keyword') {
        switch (t.value) {
          case 'if':
            return this.ifStatementRule(t);
          case 'foreach':
          case 'for':
          case 'while':
          case 'do':
          case 'switch':
            return this.loopStatementRule(t, null);
          case 'try':
            return this.tryStatementRule(t);
          case 'throw':
          case 'return':
          case 'exit':
            return this.flowWithPipelineRule(t);
          case 'break':
          case 'continue':
            return this.breakOrContinueRule(t);
          case 'function':
          case 'filter':
          case 'workflow':
            return this.functionDeclarationRule(t);
          case 'trap':
            return this.trapStatementRule(t);
          case 'data':
            return this.dataStatementRule(t);
          case 'class':
          case 'enum':
            return this.typeDefinitionRule(t, []);
          case 'configuration':
            return this.configurationRule(t);
          case 'parallel':
          case 'sequence': {
            const body = this.statementBlockRule();
            if (body === null) this.failAfter(`Missing statement block after '${t.text}'.`, this.endOf(t));
            return {
              type: 'BlockStatementAst',
              extent: this.span(this.startOf(t), body.extent.endOffset),
              kind: t.value as 'parallel',
              body,
            };
          }
          case 'using':
            this.failAt('A using statement must appear before any other statements in a script.', t);
            break;
          default: {
            const reason = RESERVED_KEYWORDS[t.value];
            if (reason !== undefined) this.failAt(reason, t);
          }
        }
      } else if (t.kind === 'Label') {
        const restore = t.start;
        this.skipNewlines();
        const loop = this.next();
        if (loop.kind === 'Keyword' && LOOP_KEYWORDS.has(loop.value)) return this.loopStatementRule(loop, t);
        this.resync(restore);
        return this.pipelineChainRule();
      } else if (t.kind === 'EndOfInput') {
        this.unget(t);
        return null;
      } else if (t.kind === 'Generic' && t.text.startsWith('[')) {
        // `[Attribute()] class|enum ...`, else `[Type]...` at the start of a statement: rescan it as an expression.
        const typeDefinition = this.attributedTypeDefinition(t.start);
        if (typeDefinition !== null) return typeDefinition;
        this.resync(t.start);
        return this.pipelineChainRule();
      }
      this.unget(t);
      return this.pipelineChainRule();
    } finally {
      this.leave();
    }
  }

  protected ifStatementRule(ifToken: Token): IfStatementAst {
    const clauses: { condition: PipelineBaseAst; body: StatementBlockAst }[] = [];
    let elseClause: StatementBlockAst | null = null;
    let keyword = ifToken;
    for (;;) {
      this.skipNewlines();
      const lParen = this.next();
      if (lParen.kind !== 'LParen')
        this.failAfter(`Missing '(' after '${keyword.text}' in if statement.`, this.endOf(keyword));
      this.skipNewlines();
      const condition = this.pipelineChainRule();
      if (condition === null)
        this.failAfter(`Missing condition in if statement after '${keyword.text} ('.`, this.endOf(lParen));
      this.skipNewlines();
      const rParen = this.next();
      if (rParen.kind !== 'RParen') {
        this.fail(
          `Missing closing ')' after expression in '${keyword.text}' statement.`,
          this.startOf(rParen),
          this.startOf(rParen),
        );
      }
      this.skipNewlines();
      const body = this.statementBlockRule();
      if (body === null)
        this.fail(
          `Missing statement block after ${keyword.text} ( condition ).`,
          this.startOf(rParen),
          this.endOf(rParen),
        );
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

  /** `[Attributes] class|enum ...` starting at `start`, or null (nothing consumed) when attributes start no type. */
  protected attributedTypeDefinition(start: number): StatementAst | null {
    this.resync(start);
    let attributes: (AttributeAst | TypeConstraintAst)[];
    try {
      attributes = this.attributeListRule();
    } catch (e) {
      if (e instanceof ParseError) return null;
      throw e;
    }
    this.skipNewlines();
    const keyword = this.peek();
    if (attributes.length === 0 || attributes.some((a) => a.type !== 'AttributeAst')) return null;
    if (keyword.kind !== 'Keyword' || (keyword.value !== 'class' && keyword.value !== 'enum')) return null;
    this.skip();
    return this.typeDefinitionRule(keyword, attributes as AttributeAst[]);
  }

  /** foreach, for, while, do and switch, with the label written before them (or null). */
  protected loopStatementRule(keyword: Token, label: Token | null): StatementAst {
    const start = this.startOf(label ?? keyword);
    const labelName = label?.value ?? null;
    switch (keyword.value) {
      case 'foreach':
        return this.foreachStatementRule(keyword, start, labelName);
      case 'for':
        return this.forStatementRule(keyword, start, labelName);
      case 'while':
        return this.whileStatementRule(keyword, start, labelName);
      case 'do':
        return this.doStatementRule(keyword, start, labelName);
      default:
        return this.switchStatementRule(keyword, start, labelName);
    }
  }

  /** A loop body, counted as a loop for the finally-block check. */
  protected loopBody(): StatementBlockAst | null {
    this.shared.flow.loops++;
    try {
      return this.statementBlockRule();
    } finally {
      this.shared.flow.loops--;
    }
  }

  /** `( pipeline )` of while/do/switch; `what` names the statement in errors. */
  protected parenConditionRule(keyword: Token, what: string): [PipelineBaseAst, Token] {
    this.skipNewlines();
    const lParen = this.next();
    if (lParen.kind !== 'LParen') {
      this.failAfter(`Missing '(' after '${keyword.text}' in ${what} statement.`, this.endOf(keyword));
    }
    this.skipNewlines();
    const condition = this.pipelineChainRule();
    if (condition === null) this.failAfter(`Missing condition in ${what} statement.`, this.endOf(lParen));
    this.skipNewlines();
    const rParen = this.next();
    if (rParen.kind !== 'RParen') {
      this.failAfter(
        `Missing closing ')' after expression in '${keyword.text}' statement.`,
        condition.extent.endOffset,
      );
    }
    return [condition, rParen];
  }

  protected whileStatementRule(keyword: Token, start: number, label: string | null): WhileStatementAst {
    const [condition, rParen] = this.parenConditionRule(keyword, 'while');
    const body = this.loopBody();
    if (body === null) this.failAfter('Missing statement body in while loop.', this.endOf(rParen));
    return { type: 'WhileStatementAst', extent: this.span(start, body.extent.endOffset), label, condition, body };
  }

  protected doStatementRule(
    keyword: Token,
    start: number,
    label: string | null,
  ): DoWhileStatementAst | DoUntilStatementAst {
    const body = this.loopBody();
    if (body === null) this.failAfter('Missing statement body in do loop.', this.endOf(keyword));
    this.skipNewlines();
    const kind = this.next();
    if (kind.kind !== 'Keyword' || (kind.value !== 'while' && kind.value !== 'until')) {
      this.failAfter('Missing while or until keyword in do loop.', body.extent.endOffset);
    }
    const [condition, rParen] = this.parenConditionRule(kind, 'do');
    const extent = this.span(start, this.endOf(rParen));
    return kind.value === 'while'
      ? { type: 'DoWhileStatementAst', extent, label, condition, body }
      : { type: 'DoUntilStatementAst', extent, label, condition, body };
  }

  protected forStatementRule(keyword: Token, start: number, label: string | null): ForStatementAst {
    this.skipNewlines();
    const lParen = this.next();
    if (lParen.kind !== 'LParen') {
      this.failAfter(`Missing opening '(' after keyword '${keyword.text}'.`, this.endOf(keyword));
    }
    const part = (last: boolean): PipelineBaseAst | null => {
      this.skipNewlines();
      const p = this.pipelineChainRule();
      this.skipNewlines();
      if (!last && this.peek().kind === 'Semi') this.skip();
      return p;
    };
    const initializer = part(false);
    const condition = part(false);
    const iterator = part(true);
    this.skipNewlines();
    const rParen = this.next();
    if (rParen.kind !== 'RParen') {
      this.fail("Missing closing ')' after expression in 'for' statement.", this.startOf(rParen), this.startOf(rParen));
    }
    const body = this.loopBody();
    if (body === null) this.failAfter('Missing statement body in for loop.', this.endOf(rParen));
    return {
      type: 'ForStatementAst',
      extent: this.span(start, body.extent.endOffset),
      label,
      initializer,
      condition,
      iterator,
      body,
    };
  }

  protected switchStatementRule(keyword: Token, start: number, label: string | null): SwitchStatementAst {
    const flags: string[] = [];
    let condition: PipelineBaseAst | null = null;
    const old = this.setMode('command');
    try {
      for (;;) {
        this.skipNewlines();
        const t = this.peek();
        if (t.kind !== 'Parameter') break;
        this.skip();
        const flag = ['regex', 'wildcard', 'exact', 'casesensitive', 'file', 'parallel'].find((f) =>
          f.startsWith(t.value.toLowerCase()),
        );
        if (flag === undefined) this.failAt(`Invalid switch statement option '${t.text}'.`, t);
        flags.push(flag);
        if (flag === 'file') {
          this.skipNewlines();
          const file = this.commandArgument('invokedName', this.next());
          if (file === null) this.failAfter('Missing file name after the switch -File option.', this.endOf(t));
          const element: CommandExpressionAst = { type: 'CommandExpressionAst', extent: file.extent, expression: file };
          condition = { type: 'PipelineAst', extent: file.extent, pipelineElements: [element] };
        }
      }
    } finally {
      this.setMode(old);
    }
    let afterCondition: number;
    if (condition === null) {
      const [c, rParen] = this.parenConditionRule(keyword, 'switch');
      condition = c;
      afterCondition = this.endOf(rParen);
    } else {
      afterCondition = condition.extent.endOffset;
    }
    this.skipNewlines();
    const lCurly = this.next();
    if (lCurly.kind !== 'LCurly') this.failAfter("Missing '{' in switch statement.", afterCondition);
    return this.nested(lCurly, () => this.switchBodyRule(start, label, flags, condition));
  }

  private switchBodyRule(
    start: number,
    label: string | null,
    flags: string[],
    condition: PipelineBaseAst,
  ): SwitchStatementAst {
    const clauses: SwitchClauseAst[] = [];
    let defaultBlock: StatementBlockAst | null = null;
    const oldMode = this.setMode('command');
    try {
      for (;;) {
        this.skipNewlinesAndSemicolons();
        const t = this.next();
        if (t.kind === 'RCurly') {
          if (clauses.length === 0 && defaultBlock === null) {
            this.failAt('Missing condition in switch statement clause.', t);
          }
          const extent = this.span(start, this.endOf(t));
          return { type: 'SwitchStatementAst', extent, label, flags, condition, clauses, default: defaultBlock };
        }
        if (t.kind === 'EndOfInput') {
          this.fail("Missing closing '}' in switch statement.", this.startOf(t), this.startOf(t));
        }
        const isDefault =
          (t.kind === 'Keyword' || t.kind === 'Generic' || t.kind === 'Identifier') &&
          t.text.toLowerCase() === 'default';
        let clauseCondition: ExpressionAst | null = null;
        if (!isDefault) {
          clauseCondition = this.commandArgument('invokedName', t);
          if (clauseCondition === null) this.failAt(`Unexpected token '${t.text}' in switch statement.`, t);
        }
        this.skipNewlines();
        const body = this.loopBody();
        if (body === null) {
          this.failAfter(
            'Missing statement block in switch statement clause.',
            clauseCondition?.extent.endOffset ?? this.endOf(t),
          );
        }
        if (isDefault) {
          if (defaultBlock !== null) this.failAt('The switch statement can have only one default clause.', t);
          defaultBlock = body;
        } else {
          clauses.push({ condition: clauseCondition!, body });
        }
      }
    } finally {
      this.setMode(oldMode);
    }
  }

  protected foreachStatementRule(foreachToken: Token, start: number, label: string | null): ForEachStatementAst {
    const correctForm = '\nThe correct form is: foreach ($a in $b) {...}';
    const flags: string[] = [];
    let throttleLimit: ExpressionAst | null = null;
    for (;;) {
      this.skipNewlines();
      const flag = this.peek();
      if (flag.kind !== 'Parameter') break;
      this.skip();
      const name = ['parallel', 'throttlelimit'].find((f) => f.startsWith(flag.value.toLowerCase()));
      if (name === undefined) this.failAt(`Invalid foreach loop option '${flag.text}'.`, flag);
      flags.push(name);
      if (name === 'throttlelimit') {
        this.skipNewlines();
        throttleLimit = this.commandArgument('invokedName', this.next());
        if (throttleLimit === null) this.failAfter('Missing throttle limit value.', this.endOf(flag));
      }
    }
    const lParen = this.next();
    if (lParen.kind !== 'LParen')
      this.failAfter(`Missing opening '(' after keyword '${foreachToken.text}'.`, this.endOf(foreachToken));
    this.skipNewlines();
    const varToken = this.next();
    if (varToken.kind !== 'Variable' && varToken.kind !== 'SplattedVariable')
      this.failAfter('Missing variable name after foreach.' + correctForm, this.endOf(lParen));
    const variable = this.variable(varToken);
    if (variable.splatted) this.defer(splattingNotPermitted(variable.variablePath, variable.extent.startOffset, false));
    this.skipNewlines();
    const inToken = this.next();
    if (inToken.kind !== 'Keyword' || inToken.value !== 'in')
      this.failAfter("Missing 'in' after variable in foreach loop." + correctForm, variable.extent.endOffset);
    this.skipNewlines();
    const condition = this.pipelineChainRule();
    if (condition === null) this.failAfter('Missing expression in foreach loop.' + correctForm, this.endOf(inToken));
    this.skipNewlines();
    const rParen = this.next();
    if (rParen.kind !== 'RParen')
      this.failAfter(
        "Missing closing ')' after expression part of foreach loop." + correctForm,
        condition.extent.endOffset,
      );
    this.shared.flow.loops++;
    let body: StatementBlockAst | null;
    try {
      body = this.statementBlockRule();
    } finally {
      this.shared.flow.loops--;
    }
    if (body === null) this.failAfter('Missing statement body in foreach loop.' + correctForm, this.endOf(rParen));
    const extras = {
      ...(label !== null ? { label } : {}),
      ...(flags.length > 0 ? { flags } : {}),
      ...(throttleLimit !== null ? { throttleLimit } : {}),
    };
    return {
      type: 'ForEachStatementAst',
      extent: this.span(start, body.extent.endOffset),
      variable,
      condition,
      body,
      ...extras,
    };
  }

  protected tryStatementRule(tryToken: Token): TryStatementAst {
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
    if (catchClauses.length === 0 && finallyBlock === null)
      this.failAfter('The Try statement is missing its Catch or Finally block.', body.extent.endOffset);
    this.defer(checkCatchOrder(catchClauses));
    const end =
      finallyBlock !== null ? finallyBlock.extent.endOffset : catchClauses[catchClauses.length - 1]!.extent.endOffset;
    return {
      type: 'TryStatementAst',
      extent: this.span(this.startOf(tryToken), end),
      body,
      catchClauses,
      finally: finallyBlock,
    };
  }

  protected catchBlockRule(): CatchClauseAst | null {
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
      if (type.type === 'AttributeAst') this.fail(`Unexpected attribute '${type.typeName}'.`, type.extent.startOffset);
      catchTypes.push(type);
      this.skipNewlines();
      comma = this.peek();
      if (comma.kind !== 'Comma') break;
      this.skip();
    }
    const body = this.statementBlockRule();
    if (body === null) {
      const after =
        catchTypes.length > 0 ? catchTypes[catchTypes.length - 1]!.extent.endOffset : this.endOf(catchToken);
      this.failAfter('The Catch block is missing its statement block.', after);
    }
    return {
      type: 'CatchClauseAst',
      extent: this.span(this.startOf(catchToken), body.extent.endOffset),
      catchTypes,
      body,
    };
  }

  protected flowWithPipelineRule(t: Token): StatementAst {
    const pipeline = this.pipelineChainRule();
    const extent = this.span(this.startOf(t), pipeline !== null ? pipeline.extent.endOffset : this.endOf(t));
    if (t.value === 'return' && this.shared.flow.inFinally)
      this.defer({ reason: CONTROL_LEAVING_FINALLY, offset: extent.startOffset });
    if (t.value === 'exit') return { type: 'ExitStatementAst', extent, pipeline };
    return t.value === 'throw'
      ? { type: 'ThrowStatementAst', extent, pipeline }
      : { type: 'ReturnStatementAst', extent, pipeline };
  }

  protected breakOrContinueRule(t: Token): StatementAst {
    const label = this.labelOrKeyRule();
    const extent = label === null ? this.tokenExtent(t) : this.span(this.startOf(t), label.extent.endOffset);
    if (this.shared.flow.inFinally && this.shared.flow.loops === 0)
      this.defer({ reason: CONTROL_LEAVING_FINALLY, offset: extent.startOffset });
    const withLabel = label === null ? {} : { label };
    return t.value === 'break'
      ? { type: 'BreakStatementAst', extent, ...withLabel }
      : { type: 'ContinueStatementAst', extent, ...withLabel };
  }

  /**
   * True when the token already read (in command mode) is a command word: it cannot start an expression, so
   * PowerShell's expression-first attempt can be skipped. Never scans ahead itself: PowerShell does not either.
   */
  protected atCommandWord(): boolean {
    return this.ungot !== null && this.tok.mode === 'command' && isCommandWord(this.ungot);
  }

  protected pipelineChainRule(): PipelineBaseAst | null {
    this.enter(this.tok.origin(this.ungot?.start ?? this.tok.position));
    try {
      return this.pipelineChain();
    } finally {
      this.leave();
    }
  }

  /** Pipelines joined by `&&` / `||`, optionally ending in `&` (PowerShell 7). */
  private pipelineChain(): PipelineBaseAst | null {
    let chain: PipelineAst | PipelineChainAst | null = null;
    let op: Token | null = null;
    for (;;) {
      const p = this.pipelineOrAssignment();
      if (p === null) {
        if (op !== null) this.failAfter(`Missing expression after '${op.text}'.`, this.endOf(op));
        return null;
      }
      if (p.type === 'AssignmentStatementAst') {
        if (op !== null) this.fail('An assignment cannot be part of a pipeline chain.', p.extent.startOffset);
        return p;
      }
      if (chain === null || op === null) {
        chain = p;
      } else {
        const extent = this.span(chain.extent.startOffset, p.extent.endOffset);
        chain = {
          type: 'PipelineChainAst',
          extent,
          lhs: chain,
          rhs: p,
          operator: op.kind === 'AndAnd' ? '&&' : '||',
          background: false,
        };
      }
      const t = this.peek();
      if (t.kind === 'AndAnd' || t.kind === 'OrOr') {
        this.skip();
        this.skipNewlines();
        op = t;
        continue;
      }
      if (t.kind === 'Ampersand') {
        this.skip();
        if (chain.type === 'PipelineAst') chain = { ...chain, background: true };
        else chain = { ...chain, background: true };
      }
      return chain;
    }
  }

  private pipelineOrAssignment(): PipelineAst | AssignmentStatementAst | null {
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
          }
        }
      } finally {
        this.setMode(old);
      }
    }
    if (expr !== null && assign !== null) {
      this.skipNewlines();
      const right = this.statementRule();
      if (right === null)
        this.failAfter(
          `You must provide a value expression following the '${assign.text}' operator.`,
          this.endOf(assign),
        );
      this.defer(checkAssignmentTarget(expr, ASSIGNMENT_OPERATORS[assign.kind]!));
      return {
        type: 'AssignmentStatementAst',
        extent: this.span(expr.extent.startOffset, right.extent.endOffset),
        left: expr,
        operator: ASSIGNMENT_OPERATORS[assign.kind]!,
        right,
      };
    }
    return this.pipelineRule(expr);
  }

  protected pipelineRule(startExpression: ExpressionAst | null): PipelineAst | null {
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
        if (elements.length > 0)
          this.fail('Expressions are only allowed as the first element of a pipeline.', expr.extent.startOffset);
        const redirections: RedirectionAst[] = [];
        for (;;) {
          const r = this.peek();
          if (r.kind !== 'Redirection' && r.kind !== 'RedirectInStd') break;
          this.skip();
          redirections.push(this.redirectionRule(r));
        }
        if (redirections.length === 0) {
          element = { type: 'CommandExpressionAst', extent: expr.extent, expression: expr };
        } else {
          const extent = this.span(expr.extent.startOffset, redirections[redirections.length - 1]!.extent.endOffset);
          element = { type: 'CommandExpressionAst', extent, expression: expr, redirections };
        }
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

  protected rejectRedirection(t: Token): void {
    if (t.kind === 'RedirectInStd') this.failAt("The '<' operator is reserved for future use.", t);
  }

  /** `>`, `>>`, `n>`, `n>>`, `*>` with a file, or `n>&m`. */
  protected redirectionRule(t: Token): RedirectionAst {
    this.rejectRedirection(t);
    const text = t.text;
    const from = STREAMS[text[0] === '>' ? '1' : text[0]!]!;
    const merge = /&([12])$/.exec(text);
    if (merge !== null) {
      return {
        type: 'MergingRedirectionAst',
        extent: this.tokenExtent(t),
        fromStream: from,
        toStream: STREAMS[merge[1]!]!,
      };
    }
    const old = this.setMode('command');
    try {
      const location = this.commandArgument('invokedName', this.next());
      if (location === null) this.failAfter('Missing file specification after redirection operator.', this.endOf(t));
      return {
        type: 'FileRedirectionAst',
        extent: this.span(this.startOf(t), location.extent.endOffset),
        fromStream: from,
        location,
        append: text.endsWith('>>'),
      };
    } finally {
      this.setMode(old);
    }
  }

  protected commandRule(): CommandAst | null {
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
      const redirections: RedirectionAst[] = [];
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
          case 'RedirectInStd': {
            const r = this.redirectionRule(t);
            redirections.push(r);
            end = r.extent.endOffset;
            context = 'argument';
            t = this.next();
            continue;
          }
          default: {
            const ast = this.commandArgument(
              context === 'name' ? (invocationOperator !== null ? 'invokedName' : 'name') : 'argument',
              t,
            );
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
        if (invocationOperator !== null)
          this.failAt(`Missing expression after '${first.text}' in pipeline element.`, first);
        return null;
      }
      const extent = this.span(this.startOf(first), end);
      if (redirections.length > 0) {
        return { type: 'CommandAst', extent, commandElements: elements, invocationOperator, redirections };
      }
      return { type: 'CommandAst', extent, commandElements: elements, invocationOperator };
    } finally {
      this.setMode(old);
    }
  }

  /** After a `--%` argument: the rest of the line as one bare word, when PowerShell would take it verbatim. */
  protected verbatimArgument(marker: Token): StringConstantExpressionAst | null {
    if (this.ungot !== null) {
      if (this.ungot.kind !== 'Parameter') return null;
      this.failAt(
        `A quoted '--%' followed by a parameter makes PowerShell drop '${this.ungot.text}' and take the rest of the line verbatim; ` +
          "write the value as -Name:'--%' or ('--%') instead.",
        marker,
      );
    }
    const v = this.tok.verbatimArgument();
    return this.bareWord(v, v.value);
  }

  protected parameter(t: Token, name: string, argument: ExpressionAst | null, end: number): CommandParameterAst {
    return {
      type: 'CommandParameterAst',
      extent: argument === null ? this.tokenExtent(t) : this.span(this.startOf(t), end),
      parameterName: name,
      argument,
      usedColon: t.usedColon === true,
      dash: t.text[0]!,
    };
  }

  /** A command name or argument starting at `token`; in argument context commas build an array. */
  protected commandArgument(
    context: 'name' | 'invokedName' | 'argument',
    token: Token,
    ofParameter = false,
  ): ExpressionAst | null {
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
        if (item.type === 'VariableExpressionAst' && item.splatted)
          this.defer(splattingNotPermitted(item.variablePath, item.extent.startOffset, true));
      }
    }
    return this.arrayLiteral(items);
  }

  /** The command of a `#requires` comment (this parser's tokenizer covers the comment after `#`), or null when empty. */
  requiresCommand(): CommandAst | null {
    return this.commandRule();
  }

  protected nestedParser(tok: Tokenizer): ExpressionParser {
    return new Parser(this.src, tok, this.shared);
  }
}

/**
 * Parses any PowerShell script (the 7.6 and 5.1 grammar) into an AST; throws ParseError (and nothing else) on bad input.
 * @example parse("Get-ExchangeCertificate -Server AMS-EXCH01 | fl").statements[0]
 */
export function parse(text: string, options: ParseOptions = {}): ScriptBlockAst {
  return parseScript(text, options, null);
}

/** Parses `text`; when `comments` is given, fills it with every comment's start and end offset (for help). */
export function parseScript(text: string, options: ParseOptions, comments: Map<number, number> | null): ScriptBlockAst {
  const src = new SourceText(text, options.file);
  try {
    const tok = new Tokenizer(src, text, 0, text.length, null, true);
    tok.commentSpans = comments;
    const shared: SharedState = { depth: 0, nesting: 0, issue: null, flow: { inFinally: false, loops: 0 } };
    let ast = new Parser(src, tok, shared).scriptRule();
    if (tok.requiresComments.size > 0) {
      const commands: CommandAst[] = [];
      for (const [start, end] of [...tok.requiresComments].sort((a, b) => a[0] - b[0])) {
        const sub = new Tokenizer(src, text, start + 1, end, null, false);
        sub.mode = 'command';
        const c = new Parser(src, sub, shared).requiresCommand();
        if (c !== null) commands.push(c);
      }
      const requirements = readRequirements(commands);
      if ('reason' in requirements) throw src.error(requirements.reason, requirements.offset, false);
      if (commands.length > 0) ast = { ...ast, scriptRequirements: requirements };
    }
    if (shared.issue !== null) throw src.error(shared.issue.reason, shared.issue.offset, false);
    if (options.shell !== undefined) {
      const lacking = checkDialect(ast, options.shell);
      if (lacking !== null) throw src.error(lacking.reason, lacking.offset, false);
    }
    return ast;
  } catch (e) {
    if (e instanceof ParseError) throw e;
    if (e instanceof RangeError) {
      throw src.error('The script is too complex for the runbook parser: it ran out of stack space.', 0);
    }
    throw src.error(`Internal parser error: ${e instanceof Error ? e.message : String(e)}`, 0);
  }
}
