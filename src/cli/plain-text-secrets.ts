// Finds the plain-text passwords a runbook writes, whatever its shape, so the CLI can mask them in what it prints.
import { parse } from '../parser/index.js';
import type { Ast, CommandAst, ExpressionAst, StatementAst } from '../ast/ast.js';
import { findCmdlet } from '../spec/registry.js';

/** Variable and hashtable key names that hold passwords by their name. */
const PASSWORD_NAME = /pass|pwd|^pw$|secret|^string$/i;

/** The literal texts of a value node: strings, here-strings, the literal parts of expandable strings, array items. */
function literals(node: unknown, out: string[]): void {
  if (Array.isArray(node)) {
    for (const n of node) literals(n, out);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const ast = node as Ast & Record<string, unknown>;
  if (ast.type === 'StringConstantExpressionAst') {
    out.push(String(ast.value));
    return;
  }
  if (ast.type === 'ExpandableStringExpressionAst') {
    const parts = ast.parts as readonly unknown[];
    if (parts.every((p) => typeof p === 'string')) out.push(parts.join(''));
    for (const p of parts) if (typeof p === 'string') out.push(p);
    return;
  }
  if (ast.type === 'CommandAst') return; // a command's name is no secret
  for (const [key, value] of Object.entries(ast)) {
    if (key !== 'extent' && typeof value === 'object') literals(value, out);
  }
}

/** Variables named in a value node (`$pw`, `$h.Password`). */
function variables(node: unknown, out: Set<string>): void {
  if (Array.isArray(node)) {
    for (const n of node) variables(n, out);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const ast = node as Ast & Record<string, unknown>;
  if (ast.type === 'VariableExpressionAst') out.add(String(ast.variablePath).toLowerCase());
  for (const [key, value] of Object.entries(ast)) {
    if (key !== 'extent' && typeof value === 'object') variables(value, out);
  }
}

type Visit = (ast: Ast & Record<string, unknown>, parent: unknown) => void;

function walk(node: unknown, visit: Visit, parent: unknown = null): void {
  if (Array.isArray(node)) {
    for (const n of node) walk(n, visit, parent);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const ast = node as Ast & Record<string, unknown>;
  if (typeof ast.type === 'string') visit(ast, parent);
  for (const [key, value] of Object.entries(ast)) {
    if (key !== 'extent' && typeof value === 'object') walk(value, visit, ast);
  }
}

function commandName(cmd: CommandAst): string | null {
  const first = cmd.commandElements[0];
  if (first?.type !== 'StringConstantExpressionAst') return null;
  return findCmdlet(first.value)?.name ?? first.value;
}

/** The values a ConvertTo-SecureString command converts: -String's argument, else its first positional argument. */
function convertedValues(cmd: CommandAst): unknown[] {
  const els = cmd.commandElements;
  const out: unknown[] = [];
  for (let i = 1; i < els.length; i++) {
    const el = els[i]!;
    if (el.type === 'CommandParameterAst') {
      if (/^s(t(r(i(ng?)?)?)?)?$/i.test(el.parameterName)) out.push(el.argument ?? els[i + 1]);
      else if (!el.argument && !/^(a|f|asp|as|fo|force|asplaintext|k|key|securekey)/i.test(el.parameterName)) i += 1;
      continue;
    }
    if (out.length === 0) out.push(el);
  }
  return out;
}

/** Statically: strings reaching a SecureString (ConvertTo-SecureString, -Password, hashtables, password variables). */
function fromAst(statements: readonly StatementAst[]): string[] {
  const found: string[] = [];
  const secretVariables = new Set<string>();
  walk(statements, (ast, parent) => {
    if (ast.type === 'CommandAst') {
      const cmd = ast as unknown as CommandAst;
      if (commandName(cmd) === 'ConvertTo-SecureString') {
        for (const v of convertedValues(cmd)) {
          literals(v, found);
          variables(v, secretVariables);
        }
        const pipeline = parent as { type?: string; pipelineElements?: readonly unknown[] } | null;
        const index = pipeline?.pipelineElements?.indexOf(ast) ?? -1;
        if (index > 0) {
          const previous = pipeline!.pipelineElements![index - 1];
          literals(previous, found);
          variables(previous, secretVariables);
        }
      }
      const els = cmd.commandElements;
      els.forEach((el, i) => {
        if (el.type !== 'CommandParameterAst' || !/^pass/i.test(el.parameterName)) return;
        const value = el.argument ?? els[i + 1];
        literals(value, found);
        variables(value, secretVariables);
      });
    }
    if (ast.type === 'HashtableAst') {
      for (const [key, value] of ast.keyValuePairs as readonly (readonly [ExpressionAst, StatementAst])[]) {
        const keys: string[] = [];
        literals(key, keys);
        if (keys.some((k) => PASSWORD_NAME.test(k))) {
          literals(value, found);
          variables(value, secretVariables);
        }
      }
    }
  });
  // Assignments to secret variables, following `$b = $a` back to `$a = '...'` until nothing new turns up.
  for (let grown = true; grown;) {
    grown = false;
    walk(statements, (ast) => {
      if (ast.type !== 'AssignmentStatementAst') return;
      const names = new Set<string>();
      variables(ast.left, names);
      if (![...names].some((n) => secretVariables.has(n) || PASSWORD_NAME.test(n))) return;
      literals(ast.right, found);
      const sources = new Set<string>();
      variables(ast.right, sources);
      for (const v of sources)
        if (!secretVariables.has(v)) {
          secretVariables.add(v);
          grown = true;
        }
    });
  }
  return found;
}

/** Without a parse: strings and here-strings after ConvertTo-SecureString, -Password, a password-named name. */
function fromText(text: string): string[] {
  const found: string[] = [];
  const hereStrings = String.raw`@'\r?\n([\s\S]*?)\r?\n'@|@"\r?\n([\s\S]*?)\r?\n"@`;
  const quoted = String.raw`'((?:[^'\u2018\u2019\u201a\u201b]|['\u2018\u2019\u201a\u201b]{2})*)'|"((?:[^"\`]|\`.)*)"`;
  const value = `(?:${hereStrings}|${quoted})`;
  const leads = [
    String.raw`ConvertTo-SecureString\b[^\n'"@]*?`,
    String.raw`-Pass\w*[:\s]\s*\(?`,
    String.raw`\$\{?\w*(?:pass|pwd|secret)\w*\}?\s*=\s*`,
    String.raw`\$pw\s*=\s*`,
    String.raw`\b(?:\w*Pass\w*|String|Secret)\s*=\s*`,
  ];
  for (const lead of leads) {
    for (const m of text.matchAll(new RegExp(lead + value, 'gi'))) {
      const v = m[1] ?? m[2] ?? m[3] ?? m[4];
      if (v !== undefined) found.push(m[3] !== undefined ? v.replace(/(['\u2018\u2019\u201a\u201b])\1/g, '$1') : v);
    }
  }
  return found;
}

/**
 * The plain-text passwords a runbook writes: the AST's view when it parses, plus a textual scan (which also covers a
 * runbook that does not parse, whose error shows its source line).
 * @example collectPlainTextSecrets("$pw = 'Pass1word'\nConvertTo-SecureString $pw -AsPlainText -Force")
 * // ['Pass1word', ...]
 */
export function collectPlainTextSecrets(text: string): string[] {
  const found = fromText(text);
  try {
    found.push(...fromAst(parse(text).statements));
  } catch {
    // The textual scan stands alone.
  }
  return [...new Set(found)];
}
