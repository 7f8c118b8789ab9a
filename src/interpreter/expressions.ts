// Expressions: constants, strings, variables, members and methods, arrays, hashtables, casts and operators.
import type {
  BinaryExpressionAst,
  ConvertExpressionAst,
  ExpandableStringExpressionAst,
  ExpressionAst,
  HashtableAst,
  InvokeMemberExpressionAst,
  MemberExpressionAst,
  StatementAst,
  UnaryExpressionAst,
} from '../ast/ast.js';
import { PsHashtable } from '../runtime/ps-hashtable.js';
import { binaryOp, unaryOp } from '../runtime/ps-operators.js';
import { castTo, toCustomObject, typeValue } from '../runtime/ps-types.js';
import { RuntimeFailure } from '../runtime/runtime-failure.js';
import { ScriptBlockValue } from '../runtime/script-block-value.js';
import { NO_OUTPUT, TypeValue, collect, isTrue, normalize, toNumber, toStr } from '../runtime/ps-values.js';
import { assign } from './assignment.js';
import { indexValue } from './index-value.js';
import type { InterpreterCore } from './interpreter-core.js';
import { invokeMethod } from './invoke-method.js';
import { getMember } from './ps-members.js';
import { UnsupportedMethod } from './unsupported-method.js';
import { staticMethod, staticProperty } from './static-members.js';
import { UnsupportedConstructError } from './unsupported-construct.js';

/** Evaluates an expression; a runtime failure becomes the statement-terminating error it is. */
export async function evalExpr(core: InterpreterCore, e: ExpressionAst): Promise<unknown> {
  try {
    return await evalInner(core, e);
  } catch (x) {
    if (x instanceof RuntimeFailure) throw core.errors.fromFailure(x, e.extent);
    if (x instanceof UnsupportedMethod)
      throw new UnsupportedConstructError(`the method ${x.typeName}.${x.method}()`, e.extent);
    throw x;
  }
}

/** `$obj.Name` or `[type]::Name`. */
async function member(core: InterpreterCore, e: MemberExpressionAst): Promise<unknown> {
  if (e.static)
    return staticProperty(
      (e.expression as { typeName: string }).typeName,
      (e.member as { value: string }).value,
      core.staticCtx,
    );
  const target = await core.evalExpr(e.expression);
  const name = e.member.type === 'StringConstantExpressionAst' ? e.member.value : toStr(await core.evalExpr(e.member));
  return getMember(target, name, core.memberCtx);
}

/** `@(...)` (always an array) or `$(...)` (its output, collected). */
async function subExpression(
  core: InterpreterCore,
  statements: readonly StatementAst[],
  array: boolean,
): Promise<unknown> {
  const out: unknown[] = [];
  await core.execBlock(statements, out);
  if (array) return out;
  return out.length === 0 ? NO_OUTPUT : collect(out);
}

async function evalInner(core: InterpreterCore, e: ExpressionAst): Promise<unknown> {
  switch (e.type) {
    case 'StringConstantExpressionAst':
      return e.value;
    case 'ConstantExpressionAst':
      return e.value;
    case 'ExpandableStringExpressionAst':
      return expandString(core, e);
    case 'VariableExpressionAst':
      if (core.injected.has(e)) return core.injected.get(e);
      return core.vars.get(e.variablePath);
    case 'MemberExpressionAst':
      return member(core, e);
    case 'InvokeMemberExpressionAst':
      return invokeMember(core, e);
    case 'ArrayLiteralAst': {
      const out: unknown[] = [];
      for (const x of e.elements) out.push(normalize(await core.evalExpr(x)));
      return out;
    }
    case 'ArrayExpressionAst':
      return subExpression(core, e.subExpression.statements, true);
    case 'SubExpressionAst':
      return subExpression(core, e.subExpression.statements, false);
    case 'ParenExpressionAst':
      return core.statementValue(e.pipeline);
    case 'HashtableAst':
      return hashtable(core, e, false);
    case 'ConvertExpressionAst':
      return convert(core, e);
    case 'TypeExpressionAst':
      return typeValue(e.typeName);
    case 'BinaryExpressionAst':
      return binary(core, e);
    case 'UnaryExpressionAst':
      return unary(core, e);
    case 'IndexExpressionAst':
      return indexValue(
        normalize(await core.evalExpr(e.target)),
        normalize(await core.evalExpr(e.index)),
        core.dialect.notANumber,
      );
    case 'ScriptBlockExpressionAst':
      return new ScriptBlockValue(e.scriptBlock);
  }
}

async function expandString(core: InterpreterCore, e: ExpandableStringExpressionAst): Promise<string> {
  const ofsValue = core.vars.getRaw('OFS');
  const ofs = ofsValue === null ? ' ' : toStr(ofsValue);
  let s = '';
  for (const part of e.parts) s += typeof part === 'string' ? part : toStr(normalize(await core.evalExpr(part)), ofs);
  return s;
}

async function invokeMember(core: InterpreterCore, e: InvokeMemberExpressionAst): Promise<unknown> {
  const target = e.static ? null : await core.evalExpr(e.expression);
  const args: unknown[] = [];
  for (const a of e.arguments) args.push(normalize(await core.evalExpr(a)));
  const name = (e.member as { value: string }).value;
  const result = e.static
    ? staticMethod((e.expression as { typeName: string }).typeName, name, args, core.staticCtx)
    : await invokeMethod(target, name, args, core.memberCtx);
  return result === undefined ? NO_OUTPUT : result;
}

async function convert(core: InterpreterCore, e: ConvertExpressionAst): Promise<unknown> {
  const type = e.typeConstraint.typeName;
  if (/^\s*ordered\s*$/i.test(type) && e.child.type === 'HashtableAst') return hashtable(core, e.child, true);
  if (/^(system\.)?(management\.automation\.)?pscustomobject$/i.test(type.trim()) && e.child.type === 'HashtableAst') {
    return toCustomObject(await hashtable(core, e.child, true));
  }
  return castTo(type, normalize(await core.evalExpr(e.child)), core.operatorCtx);
}

async function binary(core: InterpreterCore, e: BinaryExpressionAst): Promise<unknown> {
  const op = e.operator;
  if (op === '-and' || op === '-or') {
    const l = isTrue(await core.evalExpr(e.left));
    if (op === '-and' ? !l : l) return l;
    return isTrue(await core.evalExpr(e.right));
  }
  const l = normalize(await core.evalExpr(e.left));
  let r = normalize(await core.evalExpr(e.right));
  if ((op === '-is' || op === '-isnot' || op === '-as') && r instanceof TypeValue) {
    r = e.right.type === 'TypeExpressionAst' ? e.right.typeName : r.fullName;
  }
  return binaryOp(op, l, r, core.operatorCtx);
}

async function unary(core: InterpreterCore, e: UnaryExpressionAst): Promise<unknown> {
  const op = e.operator;
  if (/^(\+\+|--)/.test(op)) {
    const v = e.child;
    const old = normalize(v.type === 'VariableExpressionAst' ? core.vars.get(v.variablePath) : await core.evalExpr(v));
    const next = toNumber(old, core.dialect.notANumber) + (op.startsWith('++') ? 1 : -1);
    if (v.type === 'VariableExpressionAst') core.vars.set(v.variablePath, next);
    else await assign(core, v, next);
    return op.endsWith('postfix') ? old : next;
  }
  return unaryOp(op, normalize(await core.evalExpr(e.child)), core.operatorCtx);
}

async function hashtable(core: InterpreterCore, e: HashtableAst, ordered: boolean): Promise<PsHashtable> {
  const t = new PsHashtable(ordered);
  for (const [k, v] of e.keyValuePairs) {
    const key = k.type === 'StringConstantExpressionAst' ? k.value : normalize(await core.evalExpr(k));
    if (t.has(key)) {
      throw new RuntimeFailure(`Duplicate keys '${toStr(key)}' are not allowed in hash literals.`, {
        errorId: 'DuplicateKeyInHashLiteral',
        category: 'ParserError',
      });
    }
    t.set(key, normalize(await core.statementValue(v)));
  }
  return t;
}
