// A statement's text for people: plain-text passwords given to ConvertTo-SecureString replaced by ********.
import { bindCommand } from '../bind/bind-command.js';
import type { BindingSource } from '../bind/bind-command.js';
import { PLAIN_TEXT_PARAMETER, convertsPlainText, plainTextExtentGuess } from '../idiom/secure-string-from-text.js';
import { REDACTED_TEXT } from '../node/secret.js';
import type { Ast, CommandAst, Extent, StatementAst } from '../ast/ast.js';
import { findCmdlet } from '../spec/registry.js';
import type { ShellVersion } from '../spec/shell-version.js';

function commands(node: unknown, out: CommandAst[]): void {
  if (Array.isArray(node)) {
    for (const n of node) commands(n, out);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const ast = node as Ast;
  if (ast.type === 'CommandAst') out.push(ast);
  for (const [key, value] of Object.entries(node))
    if (key !== 'extent' && typeof value === 'object') commands(value, out);
}

/** The extent of the plain text a ConvertTo-SecureString command converts, if it has one. */
function plainTextExtent(cmd: CommandAst, shell: ShellVersion): Extent | null {
  const sources = new Map<string, BindingSource>();
  try {
    const bound = bindCommand(cmd, { shell, exchange: undefined, splats: new Map() }, undefined, sources);
    if (!convertsPlainText(bound)) return null;
    return sources.get(PLAIN_TEXT_PARAMETER)?.extent ?? null;
  } catch {
    return plainTextExtentGuess(cmd);
  }
}

/** The statement's text with inline plain-text secrets shown as `'********'`. */
export function redactStatement(st: StatementAst, shell: ShellVersion): string {
  const found: CommandAst[] = [];
  commands(st, found);
  const ranges: Extent[] = [];
  for (const cmd of found) {
    const first = cmd.commandElements[0];
    if (first?.type !== 'StringConstantExpressionAst' || findCmdlet(first.value)?.name !== 'ConvertTo-SecureString')
      continue;
    const extent = plainTextExtent(cmd, shell);
    if (extent) ranges.push(extent);
  }
  let text = st.extent.text;
  const base = st.extent.startOffset;
  for (const r of ranges.sort((a, b) => b.startOffset - a.startOffset)) {
    text = `${text.slice(0, r.startOffset - base)}'${REDACTED_TEXT}'${text.slice(r.endOffset - base)}`;
  }
  return text;
}
