// Folds argument expressions into raw arguments and recognises the runbook idioms (file bytes, SecureStrings, prompts).
import type { CommandAst, ExpressionAst } from '../ast/ast.js';
import { fileBytes, secretPrompt, verbatim } from '../node/expression.js';
import type { ParameterValue } from '../node/invocation.js';
import { secret } from '../node/secret.js';
import type { RawArgument } from './raw-argument.js';
import { escapedChar } from '../idiom/ascii-safe-string.js';
import { fileBytesPathOf, readAllBytesArgument } from '../idiom/file-bytes.js';
import { promptOf } from '../idiom/secure-string-from-prompt.js';
import { isEmptySecureString, plainTextOf } from '../idiom/secure-string-from-text.js';
import { soleCommand, soleExpression, unwrapExpression } from '../idiom/unwrap-expression.js';

/** Binds a nested command for pattern recognition (set by bind-command to avoid an import cycle). */
export type NestedBinder = (command: CommandAst) => {
  cmdlet: string;
  parameterSet: string | null;
  parameters: Readonly<Record<string, ParameterValue>>;
  args?: readonly ParameterValue[];
} | null;

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Folds constants and recognises the runbook idioms (file bytes, plain-text SecureStrings, prompts). */
export function astToRaw(e: ExpressionAst, nested: NestedBinder): RawArgument {
  switch (e.type) {
    case 'StringConstantExpressionAst':
      return { t: 'string', value: e.value };
    case 'ConstantExpressionAst':
      return { t: 'number', value: e.value, text: e.extent.text, type: e.staticType };
    case 'ExpandableStringExpressionAst': {
      let value = '';
      for (const part of e.parts) {
        if (typeof part === 'string') value += part;
        else {
          const ch = part.type === 'SubExpressionAst' ? escapedChar(part) : null;
          if (ch === null) return computed(e);
          value += ch;
        }
      }
      return { t: 'string', value };
    }
    case 'VariableExpressionAst': {
      const name = e.variablePath.toLowerCase();
      if (!e.splatted && name === 'true') return { t: 'bool', value: true };
      if (!e.splatted && name === 'false') return { t: 'bool', value: false };
      if (!e.splatted && name === 'null') return { t: 'null' };
      return computed(e);
    }
    case 'ArrayLiteralAst':
      return { t: 'array', items: e.elements.map((x) => astToRaw(x, nested)) };
    case 'ParenExpressionAst':
    case 'SubExpressionAst': {
      const inner = unwrapExpression(e);
      if (inner !== e) return astToRaw(inner, nested);
      return commandIdiom(e, nested) ?? computed(e);
    }
    case 'ArrayExpressionAst': {
      const sts = e.subExpression.statements;
      if (sts.length === 0) return { t: 'array', items: [] };
      if (sts.length === 1 && sts[0]!.type === 'PipelineAst') {
        const only = soleExpression(sts[0]);
        if (only) {
          const raw = astToRaw(only, nested);
          return raw.t === 'array' ? raw : { t: 'array', items: [raw] };
        }
      }
      return computed(e);
    }
    case 'ConvertExpressionAst': {
      const type = e.typeConstraint.typeName.replace(/\s+/g, '').toLowerCase();
      if (type === 'byte[]' || type === 'system.byte[]') {
        const child = unwrapExpression(e.child);
        const bytes = literalBytes(child, nested);
        if (bytes) return { t: 'value', value: bytes, text: e.extent.text };
        const file = fileIdiom(child, nested);
        if (file) return { t: 'value', value: file, text: e.extent.text };
      }
      return computed(e);
    }
    case 'InvokeMemberExpressionAst': {
      const file = fileIdiom(e, nested);
      return file ? { t: 'value', value: file, text: e.extent.text } : computed(e);
    }
    default:
      return computed(e);
  }
}

/** A value computed at run time: `$x.Member` chains become variable references, anything else verbatim text. */
function computed(e: ExpressionAst): RawArgument {
  const path: string[] = [];
  let cur: ExpressionAst = e;
  while (
    cur.type === 'MemberExpressionAst' &&
    !cur.static &&
    cur.member.type === 'StringConstantExpressionAst' &&
    IDENT.test(cur.member.value)
  ) {
    path.unshift(cur.member.value);
    cur = cur.expression;
  }
  if (cur.type === 'VariableExpressionAst' && !cur.splatted && IDENT.test(cur.variablePath)) {
    return {
      t: 'value',
      value: Object.freeze({ kind: 'variable', name: cur.variablePath, path: Object.freeze(path) }),
      text: e.extent.text,
    };
  }
  return { t: 'value', value: verbatim(e.extent.text), text: e.extent.text };
}

/** `(ConvertTo-SecureString -String 'x' -AsPlainText [-Force])`, `(Read-Host -AsSecureString)`, a file read. */
function commandIdiom(e: ExpressionAst, nested: NestedBinder): RawArgument | null {
  const file = fileIdiom(e, nested);
  if (file) return { t: 'value', value: file, text: e.extent.text };
  const cmd = soleCommand(e);
  const bound = cmd ? nested(cmd) : null;
  if (!bound) return null;
  if (isEmptySecureString(bound)) return { t: 'value', value: secret(''), text: e.extent.text };
  const plain = bound.parameterSet === 'PlainText' ? plainTextOf(bound) : null;
  if (plain !== null) return { t: 'value', value: secret(plain), text: e.extent.text };
  const asked = promptOf(bound);
  return asked ? { t: 'value', value: secretPrompt(asked.prompt), text: e.extent.text } : null;
}

/** Get-Content in byte mode or [System.IO.File]::ReadAllBytes on a literal path. */
function fileIdiom(e: ExpressionAst, nested: NestedBinder): ParameterValue | null {
  const inner = unwrapExpression(e);
  const pathArgument = readAllBytesArgument(inner);
  if (pathArgument) {
    const arg = astToRaw(pathArgument, nested);
    return arg.t === 'string' ? fileBytes(arg.value) : null;
  }
  const cmd = soleCommand(inner);
  const bound = cmd ? nested(cmd) : null;
  const path = bound ? fileBytesPathOf(bound) : null;
  return path === null ? null : fileBytes(path);
}

/** `[byte[]]@(1,2,3)` or `[byte[]](1,2,3)`: literal bytes. */
function literalBytes(e: ExpressionAst, nested: NestedBinder): Uint8Array | null {
  const raw = astToRaw(e, nested);
  if (raw.t !== 'array') return null;
  const out = new Uint8Array(raw.items.length);
  for (let i = 0; i < raw.items.length; i++) {
    const it = raw.items[i]!;
    if (it.t !== 'number' || !Number.isInteger(it.value) || it.value < 0 || it.value > 255) return null;
    out[i] = it.value;
  }
  return out;
}
