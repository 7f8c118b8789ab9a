// The runbook AST (types only, below the parser so idioms and lint can read parsed forms); node and field names follow
// PowerShell's System.Management.Automation.Language.

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
export type StringConstantType =
  'BareWord' | 'SingleQuoted' | 'DoubleQuoted' | 'SingleQuotedHereString' | 'DoubleQuotedHereString';

/**
 * A whole script, or the body of `{ ... }`. `statements` are those of the end block (the unnamed block of a script
 * without named blocks); the other fields are present only when the script has them.
 */
export interface ScriptBlockAst extends AstBase {
  readonly type: 'ScriptBlockAst';
  readonly statements: readonly StatementAst[];
  readonly usingStatements?: readonly UsingStatementAst[];
  readonly scriptRequirements?: ScriptRequirements;
  readonly paramBlock?: ParamBlockAst;
  readonly beginBlock?: NamedBlockAst;
  readonly processBlock?: NamedBlockAst;
  readonly endBlock?: NamedBlockAst;
  readonly dynamicParamBlock?: NamedBlockAst;
  readonly cleanBlock?: NamedBlockAst;
}

/** What the script's `#requires` comments ask for (PowerShell's ScriptRequirements). */
export interface ScriptRequirements {
  /** `-Version 3.0`, as written. */
  readonly requiredPSVersion: string | null;
  readonly requiredPSEditions: readonly string[];
  /** `-Modules`: names, or hashtables (module specifications). */
  readonly requiredModules: readonly ExpressionAst[];
  readonly requiredPSSnapIns: readonly string[];
  readonly requiredAssemblies: readonly string[];
  readonly requiredApplicationId: string | null;
  readonly isElevationRequired: boolean;
}

/** `begin {}`, `process {}`, `end {}`, `dynamicparam {}`, `clean {}` (unnamed: the statements of a script without them). */
export interface NamedBlockAst extends AstBase {
  readonly type: 'NamedBlockAst';
  readonly blockKind: 'begin' | 'process' | 'end' | 'dynamicparam' | 'clean';
  readonly unnamed: boolean;
  readonly statements: readonly StatementAst[];
}

/** `[CmdletBinding()] param(...)`. */
export interface ParamBlockAst extends AstBase {
  readonly type: 'ParamBlockAst';
  readonly attributes: readonly AttributeAst[];
  readonly parameters: readonly ParameterAst[];
}

/** `[Parameter(Mandatory)][string]$Name = 'x'` in a param block, function or method parameter list. */
export interface ParameterAst extends AstBase {
  readonly type: 'ParameterAst';
  readonly attributes: readonly (AttributeAst | TypeConstraintAst)[];
  readonly name: VariableExpressionAst;
  readonly defaultValue: ExpressionAst | null;
}

/** `[Name(positional, Named = value)]`. */
export interface AttributeAst extends AstBase {
  readonly type: 'AttributeAst';
  readonly typeName: string;
  readonly positionalArguments: readonly ExpressionAst[];
  readonly namedArguments: readonly NamedAttributeArgumentAst[];
}

/** `Name = value` (or a bare `Name`, meaning `$true`) inside an attribute. */
export interface NamedAttributeArgumentAst extends AstBase {
  readonly type: 'NamedAttributeArgumentAst';
  readonly argumentName: string;
  readonly argument: ExpressionAst;
  readonly expressionOmitted: boolean;
}

/** `function`, `filter` or `workflow` definitions. */
export interface FunctionDefinitionAst extends AstBase {
  readonly type: 'FunctionDefinitionAst';
  readonly name: string;
  readonly isFilter: boolean;
  readonly isWorkflow: boolean;
  /** `function f($a) {}` parameters, else null. */
  readonly parameters: readonly ParameterAst[] | null;
  readonly body: ScriptBlockAst;
}

/** A statement, pipeline or assignment where PowerShell takes any of them (conditions, `return`, ...). */
export type PipelineBaseAst = PipelineAst | AssignmentStatementAst | PipelineChainAst;

/** `a && b`, `a || b` (PowerShell 7). */
export interface PipelineChainAst extends AstBase {
  readonly type: 'PipelineChainAst';
  readonly lhs: PipelineAst | PipelineChainAst;
  readonly rhs: PipelineAst;
  readonly operator: '&&' | '||';
  readonly background: boolean;
}

export interface SwitchClauseAst {
  readonly condition: ExpressionAst;
  readonly body: StatementBlockAst;
}

/** `switch -regex (...) { cond { } default { } }`. */
export interface SwitchStatementAst extends AstBase {
  readonly type: 'SwitchStatementAst';
  readonly label: string | null;
  /** Lower-case option names as written (`regex`, `wildcard`, `exact`, `casesensitive`, `file`, `parallel`). */
  readonly flags: readonly string[];
  readonly condition: PipelineBaseAst;
  readonly clauses: readonly SwitchClauseAst[];
  readonly default: StatementBlockAst | null;
}

export interface ForStatementAst extends AstBase {
  readonly type: 'ForStatementAst';
  readonly label: string | null;
  readonly initializer: PipelineBaseAst | null;
  readonly condition: PipelineBaseAst | null;
  readonly iterator: PipelineBaseAst | null;
  readonly body: StatementBlockAst;
}

export interface WhileStatementAst extends AstBase {
  readonly type: 'WhileStatementAst';
  readonly label: string | null;
  readonly condition: PipelineBaseAst;
  readonly body: StatementBlockAst;
}

export interface DoWhileStatementAst extends AstBase {
  readonly type: 'DoWhileStatementAst';
  readonly label: string | null;
  readonly condition: PipelineBaseAst;
  readonly body: StatementBlockAst;
}

export interface DoUntilStatementAst extends AstBase {
  readonly type: 'DoUntilStatementAst';
  readonly label: string | null;
  readonly condition: PipelineBaseAst;
  readonly body: StatementBlockAst;
}

export interface ExitStatementAst extends AstBase {
  readonly type: 'ExitStatementAst';
  readonly pipeline: PipelineBaseAst | null;
}

export interface TrapStatementAst extends AstBase {
  readonly type: 'TrapStatementAst';
  readonly trapType: TypeConstraintAst | null;
  readonly body: StatementBlockAst;
}

/** `data [name] [-SupportedCommand a, b] { ... }`. */
export interface DataStatementAst extends AstBase {
  readonly type: 'DataStatementAst';
  readonly variable: string | null;
  readonly commandsAllowed: readonly ExpressionAst[];
  readonly body: StatementBlockAst;
}

/** `using namespace|module|assembly|type|command ...`. */
export interface UsingStatementAst extends AstBase {
  readonly type: 'UsingStatementAst';
  readonly usingStatementKind: 'Namespace' | 'Module' | 'Assembly' | 'Type' | 'Command';
  readonly name: ExpressionAst | null;
  readonly alias: ExpressionAst | null;
  readonly moduleSpecification: HashtableAst | null;
}

/** `parallel { }` / `sequence { }` (workflow blocks). */
export interface BlockStatementAst extends AstBase {
  readonly type: 'BlockStatementAst';
  readonly kind: 'parallel' | 'sequence';
  readonly body: StatementBlockAst;
}

/** `configuration Name { ... }` (DSC). */
export interface ConfigurationDefinitionAst extends AstBase {
  readonly type: 'ConfigurationDefinitionAst';
  readonly instanceName: ExpressionAst;
  readonly body: ScriptBlockExpressionAst;
}

/** A class property: `[attrs] [static] [hidden] [Type] $Name [= value]`. */
export interface PropertyMemberAst extends AstBase {
  readonly type: 'PropertyMemberAst';
  readonly name: string;
  readonly propertyType: TypeConstraintAst | null;
  readonly attributes: readonly AttributeAst[];
  readonly initialValue: ExpressionAst | null;
  readonly isStatic: boolean;
  readonly isHidden: boolean;
}

/** A class method or constructor: `[attrs] [static] [hidden] [ReturnType] Name(params) [: base(args)] { body }`. */
export interface FunctionMemberAst extends AstBase {
  readonly type: 'FunctionMemberAst';
  readonly name: string;
  /** From the name to the end of the body (PowerShell's inner FunctionDefinitionAst). */
  readonly definitionExtent: Extent;
  readonly returnType: TypeConstraintAst | null;
  readonly attributes: readonly AttributeAst[];
  readonly parameters: readonly ParameterAst[];
  readonly baseArguments: readonly ExpressionAst[] | null;
  readonly body: ScriptBlockAst;
  readonly isStatic: boolean;
  readonly isHidden: boolean;
}

/** `class Name : Base { members }` or `enum Name : type { A = 1 }` (enum members are PropertyMemberAst). */
export interface TypeDefinitionAst extends AstBase {
  readonly type: 'TypeDefinitionAst';
  readonly name: string;
  readonly isClass: boolean;
  readonly isEnum: boolean;
  readonly attributes: readonly AttributeAst[];
  readonly baseTypes: readonly TypeConstraintAst[];
  readonly members: readonly (PropertyMemberAst | FunctionMemberAst)[];
}

/** `> file`, `2>> file`, `*> file`. */
export interface FileRedirectionAst extends AstBase {
  readonly type: 'FileRedirectionAst';
  readonly fromStream: RedirectionStream;
  readonly location: ExpressionAst;
  readonly append: boolean;
}

/** `2>&1`, `*>&1`. */
export interface MergingRedirectionAst extends AstBase {
  readonly type: 'MergingRedirectionAst';
  readonly fromStream: RedirectionStream;
  readonly toStream: RedirectionStream;
}

export type RedirectionStream = 'All' | 'Output' | 'Error' | 'Warning' | 'Verbose' | 'Debug' | 'Information';
export type RedirectionAst = FileRedirectionAst | MergingRedirectionAst;

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
  | ContinueStatementAst
  | PipelineChainAst
  | FunctionDefinitionAst
  | SwitchStatementAst
  | ForStatementAst
  | WhileStatementAst
  | DoWhileStatementAst
  | DoUntilStatementAst
  | ExitStatementAst
  | TrapStatementAst
  | DataStatementAst
  | UsingStatementAst
  | BlockStatementAst
  | ConfigurationDefinitionAst
  | TypeDefinitionAst;

/** `a | b | c`; a single command or expression is a one-element pipeline. */
export interface PipelineAst extends AstBase {
  readonly type: 'PipelineAst';
  readonly pipelineElements: readonly (CommandAst | CommandExpressionAst)[];
  /** `a &`: run as a background job (PowerShell 7); present only when set. */
  readonly background?: true;
}

/** `$x = <statement>` (also `+=`, `-=`, ...). */
export interface AssignmentStatementAst extends AstBase {
  readonly type: 'AssignmentStatementAst';
  readonly left: ExpressionAst;
  readonly operator: '=' | '+=' | '-=' | '*=' | '/=' | '%=' | '??=';
  readonly right: StatementAst;
}

export interface IfStatementAst extends AstBase {
  readonly type: 'IfStatementAst';
  /** `if (c) {..}` then each `elseif (c) {..}`. */
  readonly clauses: readonly { readonly condition: PipelineBaseAst; readonly body: StatementBlockAst }[];
  readonly elseClause: StatementBlockAst | null;
}

export interface ForEachStatementAst extends AstBase {
  readonly type: 'ForEachStatementAst';
  readonly variable: VariableExpressionAst;
  readonly condition: PipelineBaseAst;
  readonly body: StatementBlockAst;
  /** `:name foreach ...`; present only when labelled. */
  readonly label?: string;
  /** `-parallel` / `-throttlelimit n` (workflows); present only when written. */
  readonly flags?: readonly string[];
  readonly throttleLimit?: ExpressionAst;
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
  readonly pipeline: PipelineBaseAst | null;
}

export interface ReturnStatementAst extends AstBase {
  readonly type: 'ReturnStatementAst';
  readonly pipeline: PipelineBaseAst | null;
}

export interface BreakStatementAst extends AstBase {
  readonly type: 'BreakStatementAst';
  /** `break outer`; present only when a label is written. */
  readonly label?: ExpressionAst;
}

export interface ContinueStatementAst extends AstBase {
  readonly type: 'ContinueStatementAst';
  readonly label?: ExpressionAst;
}

/** A command: its name is `commandElements[0]`, then parameters and arguments in source order. */
export interface CommandAst extends AstBase {
  readonly type: 'CommandAst';
  readonly commandElements: readonly CommandElementAst[];
  /** `&` or `.` before the command, else null. */
  readonly invocationOperator: '&' | '.' | null;
  /** `> file`, `2>&1`, ...; present only when the command has any. */
  readonly redirections?: readonly RedirectionAst[];
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
  readonly redirections?: readonly RedirectionAst[];
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
  | ScriptBlockExpressionAst
  | TernaryExpressionAst
  | AttributedExpressionAst;

/** `cond ? a : b` (PowerShell 7). */
export interface TernaryExpressionAst extends AstBase {
  readonly type: 'TernaryExpressionAst';
  readonly condition: ExpressionAst;
  readonly ifTrue: ExpressionAst;
  readonly ifFalse: ExpressionAst;
}

/** `[Attribute()]expr`, e.g. `[ValidateNotNull()]$x = ...`. */
export interface AttributedExpressionAst extends AstBase {
  readonly type: 'AttributedExpressionAst';
  readonly attribute: AttributeAst;
  readonly child: ExpressionAst;
}

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
  /** `$x?.Prop` (PowerShell 7); present only when set. */
  readonly nullConditional?: true;
}

/** `$x.Method(a, b)`, `[System.IO.File]::ReadAllBytes('p')`. */
export interface InvokeMemberExpressionAst extends AstBase {
  readonly type: 'InvokeMemberExpressionAst';
  readonly expression: ExpressionAst;
  readonly member: ExpressionAst;
  readonly arguments: readonly ExpressionAst[];
  readonly static: boolean;
  readonly nullConditional?: true;
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
  readonly pipeline: PipelineBaseAst;
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
  /** `$x?[0]` (PowerShell 7); present only when set. */
  readonly nullConditional?: true;
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
  | ExpressionAst
  | NamedBlockAst
  | ParamBlockAst
  | ParameterAst
  | AttributeAst
  | NamedAttributeArgumentAst
  | PropertyMemberAst
  | FunctionMemberAst
  | RedirectionAst;
