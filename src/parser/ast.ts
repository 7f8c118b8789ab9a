// The runbook AST; node and field names follow PowerShell's System.Management.Automation.Language.

/** Where a node stands in the source: 1-based lines and columns (as PowerShell's IScriptExtent), 0-based offsets. */
export interface Extent {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly startOffset: number;
  readonly endOffset: number;
  /** The exact source text of the node. */
  readonly text: string;
}

interface AstBase {
  readonly extent: Extent;
}

/** How a string constant was written. */
export type StringConstantType = 'BareWord' | 'SingleQuoted' | 'DoubleQuoted' | 'SingleQuotedHereString' | 'DoubleQuotedHereString';

/** A whole script, or the body of `{ ... }`. */
export interface ScriptBlockAst extends AstBase {
  readonly type: 'ScriptBlockAst';
  readonly statements: readonly StatementAst[];
}

/** `{ ... }` bodies of if/foreach/try. */
export interface StatementBlockAst extends AstBase {
  readonly type: 'StatementBlockAst';
  readonly statements: readonly StatementAst[];
}

export type StatementAst =
  | PipelineAst
  | AssignmentStatementAst
  | IfStatementAst
  | ForEachStatementAst
  | TryStatementAst
  | ThrowStatementAst
  | ReturnStatementAst
  | BreakStatementAst
  | ContinueStatementAst;

/** `a | b | c`; a single command or expression is a one-element pipeline. */
export interface PipelineAst extends AstBase {
  readonly type: 'PipelineAst';
  readonly pipelineElements: readonly (CommandAst | CommandExpressionAst)[];
}

/** `$x = <statement>` (also `+=`, `-=`, ...). */
export interface AssignmentStatementAst extends AstBase {
  readonly type: 'AssignmentStatementAst';
  readonly left: ExpressionAst;
  readonly operator: '=' | '+=' | '-=' | '*=' | '/=' | '%=';
  readonly right: StatementAst;
}

export interface IfStatementAst extends AstBase {
  readonly type: 'IfStatementAst';
  /** `if (c) {..}` then each `elseif (c) {..}`. */
  readonly clauses: readonly { readonly condition: PipelineAst | AssignmentStatementAst; readonly body: StatementBlockAst }[];
  readonly elseClause: StatementBlockAst | null;
}

export interface ForEachStatementAst extends AstBase {
  readonly type: 'ForEachStatementAst';
  readonly variable: VariableExpressionAst;
  readonly condition: PipelineAst;
  readonly body: StatementBlockAst;
}

export interface CatchClauseAst extends AstBase {
  readonly type: 'CatchClauseAst';
  /** Empty for a catch-all. */
  readonly catchTypes: readonly TypeConstraintAst[];
  readonly body: StatementBlockAst;
}

export interface TryStatementAst extends AstBase {
  readonly type: 'TryStatementAst';
  readonly body: StatementBlockAst;
  readonly catchClauses: readonly CatchClauseAst[];
  readonly finally: StatementBlockAst | null;
}

export interface ThrowStatementAst extends AstBase {
  readonly type: 'ThrowStatementAst';
  readonly pipeline: PipelineAst | null;
}

export interface ReturnStatementAst extends AstBase {
  readonly type: 'ReturnStatementAst';
  readonly pipeline: PipelineAst | null;
}

export interface BreakStatementAst extends AstBase {
  readonly type: 'BreakStatementAst';
}

export interface ContinueStatementAst extends AstBase {
  readonly type: 'ContinueStatementAst';
}

/** A command: its name is `commandElements[0]`, then parameters and arguments in source order. */
export interface CommandAst extends AstBase {
  readonly type: 'CommandAst';
  readonly commandElements: readonly CommandElementAst[];
  /** `&` or `.` before the command, else null. */
  readonly invocationOperator: '&' | '.' | null;
}

export type CommandElementAst = CommandParameterAst | ExpressionAst;

/** `-Name`, `-Name:value` (argument set, usedColon true), with any of the four dash characters. */
export interface CommandParameterAst extends AstBase {
  readonly type: 'CommandParameterAst';
  /** The name as written, without dash or colon (may be an abbreviation). */
  readonly parameterName: string;
  /** The value after a colon, else null (a following argument stays a separate element). */
  readonly argument: ExpressionAst | null;
  readonly usedColon: boolean;
  /** The dash character used: '-', U+2013, U+2014 or U+2015. */
  readonly dash: string;
}

/** An expression used as a pipeline element (`$x`, `(1,2)`, `'a' -eq 'b'`). */
export interface CommandExpressionAst extends AstBase {
  readonly type: 'CommandExpressionAst';
  readonly expression: ExpressionAst;
}

export type ExpressionAst =
  | StringConstantExpressionAst
  | ExpandableStringExpressionAst
  | ConstantExpressionAst
  | VariableExpressionAst
  | MemberExpressionAst
  | InvokeMemberExpressionAst
  | ArrayLiteralAst
  | ArrayExpressionAst
  | SubExpressionAst
  | ParenExpressionAst
  | HashtableAst
  | ConvertExpressionAst
  | TypeExpressionAst
  | BinaryExpressionAst
  | UnaryExpressionAst
  | IndexExpressionAst
  | ScriptBlockExpressionAst;

/** A string with no expansions: bare words, '...' and "..." without `$`, here-strings. */
export interface StringConstantExpressionAst extends AstBase {
  readonly type: 'StringConstantExpressionAst';
  /** The value after quote doubling and backtick escapes are processed. */
  readonly value: string;
  readonly stringConstantType: StringConstantType;
}

/** `"text $var $(expr)"` (or a bare word holding `$`): literal parts and embedded expressions in order. */
export interface ExpandableStringExpressionAst extends AstBase {
  readonly type: 'ExpandableStringExpressionAst';
  readonly parts: readonly (string | ExpressionAst)[];
  readonly stringConstantType: StringConstantType;
}

/** A number: `2048`, `0x10`, `1kb`, `1.5`, `10d`, `5l`. */
export interface ConstantExpressionAst extends AstBase {
  readonly type: 'ConstantExpressionAst';
  readonly value: number;
  /** .NET type PowerShell gives it. */
  readonly staticType: 'Int32' | 'Int64' | 'Double' | 'Decimal';
}

/** `$name`, `$env:X`, `${any name}`, `@splat` (splatted true), `$true`/`$false`/`$null` included. */
export interface VariableExpressionAst extends AstBase {
  readonly type: 'VariableExpressionAst';
  /** Without `$`/`@` and braces; may carry a drive/scope prefix (`env:COMPUTERNAME`). */
  readonly variablePath: string;
  readonly splatted: boolean;
}

/** `$x.Prop`, `[Type]::Prop` (static). */
export interface MemberExpressionAst extends AstBase {
  readonly type: 'MemberExpressionAst';
  readonly expression: ExpressionAst;
  /** Usually a StringConstantExpressionAst (BareWord) naming the member. */
  readonly member: ExpressionAst;
  readonly static: boolean;
}

/** `$x.Method(a, b)`, `[System.IO.File]::ReadAllBytes('p')`. */
export interface InvokeMemberExpressionAst extends AstBase {
  readonly type: 'InvokeMemberExpressionAst';
  readonly expression: ExpressionAst;
  readonly member: ExpressionAst;
  readonly arguments: readonly ExpressionAst[];
  readonly static: boolean;
}

/** `a, b, c` (comma operator). */
export interface ArrayLiteralAst extends AstBase {
  readonly type: 'ArrayLiteralAst';
  readonly elements: readonly ExpressionAst[];
}

/** `@( ... )`. */
export interface ArrayExpressionAst extends AstBase {
  readonly type: 'ArrayExpressionAst';
  readonly subExpression: StatementBlockAst;
}

/** `$( ... )`. */
export interface SubExpressionAst extends AstBase {
  readonly type: 'SubExpressionAst';
  readonly subExpression: StatementBlockAst;
}

/** `( pipeline )`. */
export interface ParenExpressionAst extends AstBase {
  readonly type: 'ParenExpressionAst';
  readonly pipeline: PipelineAst | AssignmentStatementAst;
}

/** `@{ Key = value; ... }`. */
export interface HashtableAst extends AstBase {
  readonly type: 'HashtableAst';
  readonly keyValuePairs: readonly (readonly [ExpressionAst, StatementAst])[];
}

/** `[Type]expr`, e.g. `[Byte[]]$(...)`. */
export interface ConvertExpressionAst extends AstBase {
  readonly type: 'ConvertExpressionAst';
  readonly typeConstraint: TypeConstraintAst;
  readonly child: ExpressionAst;
}

/** `[Type]` on its own (the target of `::`). */
export interface TypeExpressionAst extends AstBase {
  readonly type: 'TypeExpressionAst';
  /** As written inside the brackets, e.g. `System.IO.File`, `Byte[]`. */
  readonly typeName: string;
}

/** `[Type]` used as a cast or catch type. */
export interface TypeConstraintAst extends AstBase {
  readonly type: 'TypeConstraintAst';
  readonly typeName: string;
}

/** `left -op right`; operator is lower-case with its dash (`-eq`, `-and`, `-like`) or a symbol (`+`, `..`). */
export interface BinaryExpressionAst extends AstBase {
  readonly type: 'BinaryExpressionAst';
  readonly operator: string;
  readonly left: ExpressionAst;
  readonly right: ExpressionAst;
}

/** `-not x`, `!x`, `-x`, `,x`, `++$x`, `$x++` (postfix marked by operator suffix 'postfix'). */
export interface UnaryExpressionAst extends AstBase {
  readonly type: 'UnaryExpressionAst';
  readonly operator: string;
  readonly child: ExpressionAst;
}

/** `$x[0]`. */
export interface IndexExpressionAst extends AstBase {
  readonly type: 'IndexExpressionAst';
  readonly target: ExpressionAst;
  readonly index: ExpressionAst;
}

/** `{ ... }` as a value (Where-Object { $_.X }). */
export interface ScriptBlockExpressionAst extends AstBase {
  readonly type: 'ScriptBlockExpressionAst';
  readonly scriptBlock: ScriptBlockAst;
}

export type Ast =
  | ScriptBlockAst
  | StatementBlockAst
  | StatementAst
  | CommandAst
  | CommandParameterAst
  | CommandExpressionAst
  | CatchClauseAst
  | TypeConstraintAst
  | ExpressionAst;
