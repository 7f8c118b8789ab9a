// Assignments: `=` and the compound operators to variables, members, indexes, casts and lists of variables.
import type { AssignmentStatementAst, ExpressionAst, IndexExpressionAst, StatementAst } from '../ast/ast.js';
import { PsHashtable } from '../runtime/ps-hashtable.js';
import { binaryOp } from '../runtime/ps-operators.js';
import { castTo, typeValue } from '../runtime/ps-types.js';
import { RuntimeFailure } from '../runtime/runtime-failure.js';
import { NO_OUTPUT, elements, isArrayLike, normalize, toNumber, toStr } from '../runtime/ps-values.js';
import type { InterpreterCore } from './interpreter-core.js';
import { setMember } from './ps-members.js';
import { UnsupportedConstructError } from './unsupported-construct.js';

/** `[void]...` alone on the right: PowerShell assigns $null, not AutomationNull. */
function isVoidCast(st: StatementAst): boolean {
  if (st.type !== 'PipelineAst' || st.pipelineElements.length !== 1) return false;
  const el = st.pipelineElements[0]!;
  return (
    el.type === 'CommandExpressionAst' &&
    el.expression.type === 'ConvertExpressionAst' &&
    /^\s*(system\.)?void\s*$/i.test(el.expression.typeConstraint.typeName)
  );
}

/**
 * Runs an assignment statement; its value is what was assigned. A right side without output leaves AutomationNull
 * in a variable (so `@($x).Count` is 0 and `$x | ...` pipes nothing), as PowerShell does.
 */
export async function assignStatement(core: InterpreterCore, st: AssignmentStatementAst): Promise<unknown> {
  const raw = await core.statementValue(st.right);
  const right = raw === NO_OUTPUT && !isVoidCast(st.right) ? NO_OUTPUT : normalize(raw);
  let value = right;
  if (st.operator !== '=') {
    const current = normalize(await core.evalExpr(st.left));
    try {
      value = binaryOp(st.operator.slice(0, 1), current, normalize(right), core.operatorCtx);
    } catch (e) {
      if (e instanceof RuntimeFailure) throw core.errors.fromFailure(e, st.extent);
      throw e;
    }
  }
  try {
    await assign(core, st.left, value);
  } catch (e) {
    if (e instanceof RuntimeFailure) throw core.errors.fromFailure(e, st.left.extent);
    throw e;
  }
  return value;
}

/** Stores a value in a variable, member, index, cast variable or list of variables (`$count.IIS++` uses it too). */
export async function assign(core: InterpreterCore, left: ExpressionAst, assigned: unknown): Promise<void> {
  if (left.type === 'VariableExpressionAst') {
    core.vars.set(left.variablePath, assigned);
    return;
  }
  const value = normalize(assigned);
  switch (left.type) {
    case 'ConvertExpressionAst':
      await assign(core, left.child, castTo(left.typeConstraint.typeName, value, core.operatorCtx));
      return;
    case 'MemberExpressionAst': {
      const target = await core.evalExpr(left.expression);
      const name =
        left.member.type === 'StringConstantExpressionAst'
          ? left.member.value
          : toStr(await core.evalExpr(left.member));
      setMember(normalize(target), name, value);
      return;
    }
    case 'IndexExpressionAst':
      await assignIndex(core, left, value);
      return;
    case 'ArrayLiteralAst': {
      const values = isArrayLike(value) ? elements(value) : [value];
      const targets = left.elements;
      for (let i = 0; i < targets.length; i++) {
        const last = i === targets.length - 1;
        const v = last ? (values.length - i > 1 ? values.slice(i) : (values[i] ?? null)) : (values[i] ?? null);
        await assign(core, targets[i]!, v);
      }
      return;
    }
    default:
      throw new UnsupportedConstructError(`assignment to '${left.extent.text}'`, left.extent);
  }
}

async function assignIndex(core: InterpreterCore, left: IndexExpressionAst, value: unknown): Promise<void> {
  const target = normalize(await core.evalExpr(left.target));
  const index = normalize(await core.evalExpr(left.index));
  if (target instanceof PsHashtable) {
    target.set(index, value);
    return;
  }
  if (Array.isArray(target) || target instanceof Uint8Array) {
    let i = toNumber(index, core.dialect.notANumber);
    if (i < 0) i += target.length;
    if (i < 0 || i >= target.length) {
      throw new RuntimeFailure('Index was outside the bounds of the array.', {
        errorId: 'IndexOutOfRange',
        category: 'InvalidOperation',
      });
    }
    if (target instanceof Uint8Array) target[i] = castTo('byte', value, core.operatorCtx) as number;
    else target[i] = value;
    return;
  }
  if (target === null)
    throw new RuntimeFailure('Cannot index into a null array.', { errorId: 'NullArray', category: 'InvalidOperation' });
  throw new RuntimeFailure(`Unable to index into an object of type ${typeValue('object').fullName}.`, {
    errorId: 'CannotIndex',
    category: 'InvalidOperation',
  });
}
