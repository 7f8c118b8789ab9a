// Locates, for each bound command, the source range of every parameter it was given (name plus argument).
import type { Ast, CommandAst, ScriptBlockAst } from '../ast/ast.js';
import type { BoundInvocation } from '../bind/bound-invocation.js';
import { bindScript } from '../bind/bind.js';
import { matchParameter } from '../bind/match-parameter.js';
import { childNodes } from '../parser/ast-walk.js';
import { findCmdlet, shellView } from '../spec/registry.js';
import type { CommandSite, WrittenParameter } from './fix-context.js';

/** Commands whose nested uses are rewritten too (they stand inside an Exchange cmdlet's argument). */
const NESTED = new Set(['get-content', 'set-content', 'convertto-securestring']);

/** Every node's parent. */
export function parentMap(root: ScriptBlockAst): Map<Ast, Ast> {
  const parents = new Map<Ast, Ast>();
  const stack: Ast[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const child of childNodes(node)) {
      parents.set(child, node);
      stack.push(child);
    }
  }
  return parents;
}

/** The named parameters of a command as written (positional arguments are not listed). */
export function writtenParameters(command: CommandAst, cmdlet: string): WrittenParameter[] {
  const spec = findCmdlet(cmdlet);
  if (!spec) return [];
  const view = shellView(spec, undefined);
  const out: WrittenParameter[] = [];
  const els = command.commandElements;
  for (let i = 1; i < els.length; i++) {
    const el = els[i]!;
    if (el.type !== 'CommandParameterAst') continue;
    let p;
    try {
      p = matchParameter(view, el.parameterName);
    } catch {
      continue;
    }
    const next = els[i + 1];
    const following = next !== undefined && next.type !== 'CommandParameterAst' ? next : null;
    const takesNext = !el.usedColon && p.type !== 'SwitchParameter' && following !== null;
    const argument = el.usedColon ? el.argument : takesNext ? following : null;
    if (takesNext) i++;
    out.push({
      option: p.option,
      element: el,
      argument,
      start: el.extent.startOffset,
      end: (argument ?? el).extent.endOffset,
    });
  }
  return out;
}

/** Pairs each invocation with its CommandAst (by start offset) and the parameters as written. */
export function commandSites(root: ScriptBlockAst, invocations: readonly BoundInvocation[]): CommandSite[] {
  const commands = new Map<number, CommandAst>();
  const stack: Ast[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'CommandAst') commands.set(node.extent.startOffset, node);
    stack.push(...childNodes(node));
  }
  const sites: CommandSite[] = [];
  for (const invocation of invocations) {
    const command = commands.get(invocation.extent.startOffset);
    if (!command) continue;
    commands.delete(invocation.extent.startOffset);
    sites.push({ invocation, command, written: writtenParameters(command, invocation.cmdlet) });
  }
  // A command inside another's argument (`-FileData ([Byte[]]$(Get-Content ...))`) is folded into that argument
  // when the script is bound; bound on its own it is a site too.
  for (const command of commands.values()) {
    const name = command.commandElements[0];
    if (name?.type !== 'StringConstantExpressionAst' || !NESTED.has(name.value.toLowerCase())) continue;
    let invocation: BoundInvocation | undefined;
    try {
      invocation = bindScript(command.extent.text).invocations.find((i) => i.extent.startOffset === 0);
    } catch {
      continue;
    }
    if (invocation) sites.push({ invocation, command, written: writtenParameters(command, invocation.cmdlet) });
  }
  return sites.sort((a, b) => a.command.extent.startOffset - b.command.extent.startOffset);
}
