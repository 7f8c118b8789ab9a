// What every fix sees: the source, its AST with parents, each statement-level command with its bound parameters'
// source ranges, and the compiler the builders render with (same dialect, quoting and secrets mode).
import type { Ast, CommandAst, CommandParameterAst, ExpressionAst, ScriptBlockAst } from '../ast/ast.js';
import type { BoundInvocation } from '../bind/bound-invocation.js';
import type { Compiler } from '../dialect/compiler.js';
import type { Dialect } from '../dialect/dialect.js';
import type { ExchangeTarget } from '../spec/exchange-target.js';
import type { TextEdit } from './text-edit.js';

/** Where one bound parameter is written: the `-Name` element, its argument (if any) and the range covering both. */
export interface WrittenParameter {
  readonly option: string;
  readonly element: CommandParameterAst;
  readonly argument: ExpressionAst | null;
  readonly start: number;
  readonly end: number;
}

/** A command of the script, bound without a target (so old parameters bind too), and where its parts stand. */
export interface CommandSite {
  readonly invocation: BoundInvocation;
  readonly command: CommandAst;
  readonly written: readonly WrittenParameter[];
}

/** What a fix needs. */
export interface FixContext {
  readonly text: string;
  readonly ast: ScriptBlockAst;
  readonly sites: readonly CommandSite[];
  readonly parents: ReadonlyMap<Ast, Ast>;
  readonly compiler: Compiler;
  readonly dialect: Dialect;
  readonly exchange: ExchangeTarget | undefined;
  /** `prompt`: a plain-text password becomes `Read-Host -AsSecureString`; `variable`: a variable filled at run time. */
  readonly secrets: 'prompt' | 'variable';
  /** Add -Force / -Confirm:$false where an unattended run would stop at a prompt (only when asked). */
  readonly unattended: boolean;
  /** The line ending the text uses ("\r\n" or "\n"). */
  readonly eol: string;
  /** A variable name the script does not use yet, from `base` (the same name for every call with that base). */
  freshVariable(base: string): string;
}

/** A fix: the rule (rewrite) name its edits carry, and its edits in groups that apply together or not at all. */
export interface LintFix {
  readonly rule: string;
  fix(ctx: FixContext): TextEdit[][];
}
