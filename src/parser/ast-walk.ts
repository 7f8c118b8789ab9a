// Generic traversal of the AST: every child node of any node, in source order, without a per-type table.
import type { Ast } from '../ast/ast.js';

function isNode(v: object): v is Ast {
  return typeof (v as { type?: unknown }).type === 'string' && 'extent' in v;
}

function collect(v: unknown, out: Ast[]): void {
  if (typeof v !== 'object' || v === null) return;
  if (isNode(v)) {
    out.push(v);
    return;
  }
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) collect(v[i], out);
    return;
  }
  const holder = v as Record<string, unknown>;
  for (const k in holder) if (k !== 'extent') collect(holder[k], out);
}

/** True when `nodes` are already in source order (the usual case: fields are declared left to right). */
function inOrder(nodes: readonly Ast[]): boolean {
  for (let i = 1; i < nodes.length; i++)
    if (nodes[i - 1]!.extent.startOffset > nodes[i]!.extent.startOffset) return false;
  return true;
}

/**
 * The direct child nodes of `node` (through plain holders such as if clauses and hashtable pairs), by start offset.
 * @example childNodes(parse('if ($a) { b }').statements[0]!).map((n) => n.type) // ['PipelineAst', 'StatementBlockAst']
 */
export function childNodes(node: Ast): Ast[] {
  const out: Ast[] = [];
  const fields = node as unknown as Record<string, unknown>;
  for (const k in fields) {
    if (k === 'extent' || k === 'type') continue;
    const v = fields[k];
    if (typeof v === 'object' && v !== null) collect(v, out);
  }
  return out.length < 2 || inOrder(out) ? out : out.sort((a, b) => a.extent.startOffset - b.extent.startOffset);
}

/**
 * Visits `node` and every node below it, depth first in source order; `visit` returning false skips a node's children.
 * @example walkAst(parse('function f { Get-X }'), (n) => { if (n.type === 'CommandAst') console.log(n.extent.text); })
 */
export function walkAst(node: Ast, visit: (n: Ast) => boolean | void): void {
  if (visit(node) === false) return;
  const children = childNodes(node);
  for (let i = 0; i < children.length; i++) walkAst(children[i]!, visit);
}
