// Shared pieces of the fixes: parameters rendered by the builders' compiler, where a command or statement ends, and
// a statement inserted after another one without moving any other byte.
import type { Ast, CommandAst, ExpressionAst, StatementAst } from '../ast/ast.js';
import type { ParameterValue } from '../node/invocation.js';
import { createInvocation } from '../node/invocation.js';
import type { FixContext } from './fix-context.js';

/**
 * ` -Name value ...` exactly as the builders write these parameters of `cmdlet` in the context's dialect.
 * @example renderParameters(ctx, 'Remove-ExchangeCertificate', 'Identity', { confirm: false }) // ' -Confirm:$false'
 */
export function renderParameters(
  ctx: FixContext,
  cmdlet: string,
  parameterSet: string | null,
  parameters: Readonly<Record<string, ParameterValue>>,
): string {
  return ctx.compiler
    .invocation(createInvocation(cmdlet, parameterSet, parameters), undefined, false)
    .text.slice(cmdlet.length);
}

/** Offset just after a command's last element (before any redirection): where a parameter is appended. */
export function commandEnd(command: CommandAst): number {
  return command.commandElements[command.commandElements.length - 1]!.extent.endOffset;
}

const STATEMENT_LISTS = new Set(['ScriptBlockAst', 'NamedBlockAst', 'StatementBlockAst']);

/** The statement a command is the last pipeline element of, when it stands in a statement list. */
export interface StandingStatement {
  readonly statement: StatementAst;
  /** `$name` when the statement is `$name = ...` (a plain variable), else null. */
  readonly assignedTo: string | null;
  /** True when the statement is an assignment of any other form (not usable). */
  readonly otherAssignment: boolean;
}

/** The statement-list statement whose result is this command's output, else null (nested, piped on, ...). */
export function standingStatement(ctx: FixContext, command: CommandAst): StandingStatement | null {
  const pipeline = ctx.parents.get(command);
  if (pipeline?.type !== 'PipelineAst' || pipeline.pipelineElements.at(-1) !== command) return null;
  const parent = ctx.parents.get(pipeline);
  if (!parent) return null;
  if (STATEMENT_LISTS.has(parent.type)) return { statement: pipeline, assignedTo: null, otherAssignment: false };
  if (parent.type !== 'AssignmentStatementAst' || !STATEMENT_LISTS.has(ctx.parents.get(parent)?.type ?? ''))
    return null;
  const plain = parent.operator === '=' && parent.left.type === 'VariableExpressionAst' && !parent.left.splatted;
  const name = plain && parent.left.type === 'VariableExpressionAst' ? parent.left.variablePath : null;
  return { statement: parent, assignedTo: name && /^[A-Za-z_]\w*$/.test(name) ? name : null, otherAssignment: !name };
}

/** The leading spaces and tabs of the line `offset` is on. */
export function indentAt(text: string, offset: number): string {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/**
 * The edit that runs `newStatement` right after `after`: on a line of its own (same indentation) when only spaces
 * or a comment follow on the line, else after `; ` on the same line.
 */
export function insertAfter(
  ctx: FixContext,
  after: Ast,
  newStatement: string,
): { start: number; end: number; newText: string } {
  const end = after.extent.endOffset;
  const eolAt = /\r\n|\r|\n/.exec(ctx.text.slice(end));
  const lineEnd = eolAt ? end + eolAt.index : ctx.text.length;
  const rest = ctx.text.slice(end, lineEnd);
  if (/^[ \t]*(?:#(?!>).*)?$/.test(rest) && !rest.includes('<#')) {
    return {
      start: lineEnd,
      end: lineEnd,
      newText: `${ctx.eol}${indentAt(ctx.text, after.extent.startOffset)}${newStatement}`,
    };
  }
  return { start: end, end, newText: `; ${newStatement}` };
}

/**
 * An argument's text as it can stand in expression mode (a method argument): quoted strings, variables and
 * parenthesised forms as written; a bare word re-quoted by the builders' quoting; anything else null.
 */
export function expressionText(ctx: FixContext, arg: ExpressionAst): string | null {
  if (arg.type === 'StringConstantExpressionAst')
    return arg.stringConstantType === 'BareWord'
      ? ctx.compiler.value(undefined, arg.value, true).text
      : arg.extent.text;
  if (arg.type === 'ExpandableStringExpressionAst')
    return arg.stringConstantType === 'BareWord' ? null : arg.extent.text;
  if (['VariableExpressionAst', 'ParenExpressionAst', 'SubExpressionAst', 'MemberExpressionAst'].includes(arg.type))
    return arg.extent.text;
  return null;
}

/** The literal value of a string argument (bare or quoted, no expansion), else null. */
export function literalString(arg: ExpressionAst | null): string | null {
  return arg?.type === 'StringConstantExpressionAst' ? arg.value : null;
}

/**
 * `[start, end)` of a written parameter widened to the spaces that separate it, so removing it leaves single spacing:
 * the spaces before it, or after it when it starts its line (the line keeps its indentation).
 */
export function withLeadingSpace(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
  if (s > 0 && text[s - 1] !== '\n' && text[s - 1] !== '\r') return { start: s, end };
  let e = end;
  while (e < text.length && (text[e] === ' ' || text[e] === '\t')) e++;
  return { start, end: e };
}
