import { BindingError } from '../errors/binding-error.js';
import { ParseError } from '../parser/parse-error.js';
import { parse } from '../parser/parser.js';
import type { CommandAst, ExpressionAst, PipelineAst, ScriptBlockAst, StatementAst } from '../parser/ast.js';
import type { ExchangeTarget } from '../spec/exchange-target.js';
import { parseExchangeTarget } from '../spec/exchange-target.js';
import type { ShellVersion } from '../spec/shell-version.js';
import { parseShellVersion } from '../spec/shell-version.js';
import { bindCommand } from './bind-command.js';
import type { BindContext, Upstream } from './bind-command.js';
import type { BoundInvocation } from './bound-invocation.js';

/** Options of `bind`: without a target every version's parameters are accepted. */
export interface BindOptions {
  /** Dialect the script is read as; omitted: parameters of every dialect are accepted. */
  readonly shell?: ShellVersion | string;
  /** Exchange target; parameters it lacks are reported as that version's PowerShell would. */
  readonly exchange?: string | ExchangeTarget;
  /** File name for error messages. */
  readonly file?: string;
}

/** Every statement-level command of a script, bound, with the binding errors of those that failed. */
export interface BindResult {
  readonly ast: ScriptBlockAst;
  readonly invocations: readonly BoundInvocation[];
  readonly errors: readonly BindingError[];
}

/** Text, or a compiled script (its exact text is bound). */
export type Bindable = string | { readonly text: string };

function textOf(input: Bindable): string {
  return typeof input === 'string' ? input : input.text;
}

/**
 * Binds every statement-level command of a script and collects errors instead of stopping at the first.
 * Commands inside another command's arguments are folded into that argument's typed value.
 */
export function bindScript(input: Bindable | ScriptBlockAst, options: BindOptions = {}): BindResult {
  const exchange = options.exchange === undefined ? undefined : parseExchangeTarget(options.exchange);
  const shell = options.shell === undefined ? undefined : parseShellVersion(options.shell);
  const ast = typeof input === 'object' && 'type' in input ? input : parse(textOf(input), options.file === undefined ? {} : { file: options.file });
  const ctx: BindContext = { shell, exchange, splats: new Map() };
  const invocations: BoundInvocation[] = [];
  const errors: BindingError[] = [];

  const command = (c: CommandAst, upstream: Upstream): string | null => {
    try {
      const b = bindCommand(c, ctx, upstream);
      invocations.push(b);
      return b.parameterSet === null ? null : b.cmdlet;
    } catch (e) {
      if (e instanceof BindingError) { errors.push(e.at(c.extent.startLine, c.extent.startColumn)); return null; }
      throw e;
    }
  };
  const pipeline = (p: PipelineAst) => {
    let upstream: Upstream = undefined;
    for (const el of p.pipelineElements) {
      if (el.type === 'CommandAst') upstream = command(el, upstream);
      else { expression(el.expression); upstream = null; }
    }
  };
  const expression = (e: ExpressionAst): void => {
    switch (e.type) {
      case 'ParenExpressionAst': statement(e.pipeline); break;
      case 'SubExpressionAst': case 'ArrayExpressionAst': e.subExpression.statements.forEach(statement); break;
      case 'ConvertExpressionAst': expression(e.child); break;
      case 'ArrayLiteralAst': e.elements.forEach(expression); break;
      case 'BinaryExpressionAst': expression(e.left); expression(e.right); break;
      case 'UnaryExpressionAst': expression(e.child); break;
      case 'MemberExpressionAst': expression(e.expression); break;
      case 'InvokeMemberExpressionAst': expression(e.expression); e.arguments.forEach(expression); break;
      case 'IndexExpressionAst': expression(e.target); expression(e.index); break;
      case 'HashtableAst': e.keyValuePairs.forEach(([, v]) => statement(v)); break;
      default: break;
    }
  };
  const statement = (s: StatementAst): void => {
    switch (s.type) {
      case 'PipelineAst': pipeline(s); break;
      case 'AssignmentStatementAst': {
        const right = s.right;
        if (s.left.type === 'VariableExpressionAst' && right.type === 'PipelineAst' && right.pipelineElements.length === 1) {
          const el = right.pipelineElements[0]!;
          if (el.type === 'CommandExpressionAst' && el.expression.type === 'HashtableAst') ctx.splats.set(s.left.variablePath.toLowerCase(), el.expression);
        }
        statement(right);
        break;
      }
      case 'IfStatementAst':
        for (const c of s.clauses) { statement(c.condition); c.body.statements.forEach(statement); }
        s.elseClause?.statements.forEach(statement);
        break;
      case 'ForEachStatementAst': pipeline(s.condition); s.body.statements.forEach(statement); break;
      case 'TryStatementAst':
        s.body.statements.forEach(statement);
        s.catchClauses.forEach((c) => c.body.statements.forEach(statement));
        s.finally?.statements.forEach(statement);
        break;
      case 'ThrowStatementAst': case 'ReturnStatementAst': if (s.pipeline) pipeline(s.pipeline); break;
      default: break;
    }
  };
  ast.statements.forEach(statement);
  return Object.freeze({ ast, invocations: Object.freeze(invocations), errors: Object.freeze(errors) });
}

/**
 * Parses and binds a script: the typed invocations of its statement-level commands, in source order.
 * Throws ParseError or the first BindingError (with PowerShell's wording).
 * @example bind("Get-ExchangeCertificate -Server AMS-EXCH01 | Enable-ExchangeCertificate -Services IIS")
 */
export function bind(input: Bindable, options: BindOptions = {}): readonly BoundInvocation[] {
  const result = bindScript(input, options);
  if (result.errors.length > 0) throw result.errors[0]!;
  return result.invocations;
}

export { ParseError };
