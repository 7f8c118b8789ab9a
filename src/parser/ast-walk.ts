// Generic traversal of the AST: every child node of any node, in source order, without a per-type table.
import type { Ast } from '../ast/ast.js';

function isNode(v: unknown): v is Ast {
  return typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string' && 'extent' in v;
}

function collect(v: unknown, out: Ast[]): void {
  if (typeof v !== 'object' || v === null) return;
  if (isNode(v)) {
    out.push(v);
    return;
  }
  if (Array.isArray(v)) {
    for (const e of v) collect(e, out);
    return;
  }
  for (const [k, e] of Object.entries(v)) if (k !== 'extent') collect(e, out);
}

/**
 * The direct child nodes of `node` (through plain holders such as if clauses and hashtable pairs), by start offset.
 * @example childNodes(parse('if ($a) { b }').statements[0]!).map((n) => n.type) // ['PipelineAst', 'StatementBlockAst']
 */
export function childNodes(node: Ast): Ast[] {
  const out: Ast[] = [];
  for (const [k, v] of Object.entries(node)) {
    if (k === 'extent' || k === 'type') continue;
    collect(v, out);
  }
  return out.sort((a, b) => a.extent.startOffset - b.extent.startOffset);
}

/**
 * Visits `node` and every node below it, depth first in source order; `visit` returning false skips a node's children.
 * @example walkAst(parse('function f { Get-X }'), (n) => { if (n.type === 'CommandAst') console.log(n.extent.text); })
 */
export function walkAst(node: Ast, visit: (n: Ast) => boolean | void): void {
  if (visit(node) === false) return;
  for (const c of childNodes(node)) walkAst(c, visit);
}
