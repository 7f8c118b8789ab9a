import { BindingError } from '../errors/binding-error.js';
import { ParseError } from '../parser/parse-error.js';
import { parse } from '../parser/parser.js';
import type { Ast, CommandAst, PipelineAst, ScriptBlockAst } from '../ast/ast.js';
import { childNodes } from '../parser/ast-walk.js';
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
  const ast =
    typeof input === 'object' && 'type' in input
      ? input
      : parse(textOf(input), {
          ...(options.file === undefined ? {} : { file: options.file }),
          ...(shell === undefined ? {} : { shell }),
        });
  const ctx: BindContext = { shell, exchange, splats: new Map() };
  const invocations: BoundInvocation[] = [];
  const errors: BindingError[] = [];

  const command = (c: CommandAst, upstream: Upstream): string | null => {
    try {
      const b = bindCommand(c, ctx, upstream);
      invocations.push(b);
      return b.parameterSet === null ? null : b.cmdlet;
    } catch (e) {
      if (e instanceof BindingError) {
        errors.push(e.at(c.extent.startLine, c.extent.startColumn));
        return null;
      }
      throw e;
    }
  };
  const pipeline = (p: PipelineAst) => {
    let upstream: Upstream = undefined;
    for (const el of p.pipelineElements) {
      if (el.type === 'CommandAst') {
        upstream = command(el, upstream);
        // Script blocks given to a command (ForEach-Object { ... }, Invoke-Command { ... }) hold commands of their own.
        for (const arg of el.commandElements) {
          const value = arg.type === 'CommandParameterAst' ? arg.argument : arg;
          if (value?.type === 'ScriptBlockExpressionAst') node(value.scriptBlock);
        }
      } else {
        node(el.expression);
        upstream = null;
      }
    }
  };
  // Any other node: its statements and expressions, wherever they are (functions, loops, script blocks, try, ...).
  const node = (n: Ast): void => {
    switch (n.type) {
      case 'PipelineAst':
        pipeline(n);
        return;
      case 'AssignmentStatementAst': {
        const right = n.right;
        if (
          n.left.type === 'VariableExpressionAst' &&
          right.type === 'PipelineAst' &&
          right.pipelineElements.length === 1
        ) {
          const el = right.pipelineElements[0]!;
          if (el.type === 'CommandExpressionAst' && el.expression.type === 'HashtableAst') {
            ctx.splats.set(n.left.variablePath.toLowerCase(), el.expression);
          }
        }
        node(right);
        return;
      }
      case 'HashtableAst':
        n.keyValuePairs.forEach(([, v]) => node(v));
        return;
      default:
        childNodes(n).forEach(node);
    }
  };
  node(ast);
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
