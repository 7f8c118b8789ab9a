// The subset check of expressions: which operators, casts, types and members the interpreter runs.
import type { Ast, Extent, ExpressionAst, InvokeMemberExpressionAst, MemberExpressionAst } from '../ast/ast.js';
import { isSupportedBinary, isSupportedUnary } from '../runtime/ps-operators.js';
import { knownType } from '../runtime/ps-types.js';
import { isStaticType, isSupportedStatic } from './static-members.js';
import type { NodeChecks, SubsetWalk } from './subset-walk.js';
import { UnsupportedConstructError } from './unsupported-construct.js';

const SCOPES = /^(global|script|local|private):/i;

function variableDrive(path: string): string | null {
  const m = /^([A-Za-z_][\w]*):/.exec(path);
  if (!m) return null;
  const prefix = m[1]!.toLowerCase();
  return prefix === 'env' || SCOPES.test(path) ? null : prefix;
}

function memberName(e: ExpressionAst): string | null {
  return e.type === 'StringConstantExpressionAst' ? e.value : null;
}

/** Line and column of `op` written after `left` inside `whole`. */
function operatorPosition(whole: Extent, left: Extent, op: string): Pick<Extent, 'startLine' | 'startColumn'> {
  const at = whole.text.indexOf(op, left.endOffset - whole.startOffset);
  const before = whole.text.slice(0, at).split(/\r\n|\r|\n/);
  const startLine = whole.startLine + before.length - 1;
  const startColumn = before.length === 1 ? whole.startColumn + at : before[before.length - 1]!.length + 1;
  return { startLine, startColumn };
}

function refuseNullConditional(e: { nullConditional?: boolean; extent: Extent }, op: string): void {
  if (e.nullConditional) {
    throw new UnsupportedConstructError(`the null-conditional operator '${op}' (PowerShell 7)`, e.extent);
  }
}

function checkMember(e: MemberExpressionAst, walk: SubsetWalk): void {
  refuseNullConditional(e, '?.');
  if (e.static) {
    const type = e.expression.type === 'TypeExpressionAst' ? e.expression.typeName : null;
    const name = memberName(e.member);
    if (type === null || name === null || !isSupportedStatic(type, name, false))
      throw new UnsupportedConstructError(`the static member '${e.extent.text}'`, e.extent);
    return;
  }
  walk.visit(e.expression);
  walk.visit(e.member);
}

function checkInvokeMember(e: InvokeMemberExpressionAst, walk: SubsetWalk): void {
  refuseNullConditional(e, '?.');
  if (e.static) {
    const type = e.expression.type === 'TypeExpressionAst' ? e.expression.typeName : null;
    const name = memberName(e.member);
    if (type === null || name === null || !isSupportedStatic(type, name, true)) {
      throw new UnsupportedConstructError(
        `the static method '${type === null ? e.expression.extent.text : `[${type}]`}::${e.member.extent.text}()'`,
        e.extent,
      );
    }
  } else {
    if (memberName(e.member) === null)
      throw new UnsupportedConstructError(`a computed method name ('${e.member.extent.text}')`, e.member.extent);
    walk.visit(e.expression);
  }
  e.arguments.forEach((a) => walk.visit(a));
}

const visitAll = (nodes: readonly Ast[], walk: SubsetWalk): void => nodes.forEach((n) => walk.visit(n));

/** Checks of the expression node kinds; a kind missing here is refused by checkSubset. */
export const EXPRESSION_CHECKS: NodeChecks<ExpressionAst> = {
  StringConstantExpressionAst: () => undefined,
  ConstantExpressionAst: () => undefined,
  ExpandableStringExpressionAst: (e, walk) =>
    e.parts.forEach((p) => {
      if (typeof p !== 'string') walk.visit(p);
    }),
  VariableExpressionAst: (e) => {
    const drive = variableDrive(e.variablePath);
    if (drive !== null) throw new UnsupportedConstructError(`the '${drive}:' variable scope or drive`, e.extent);
  },
  MemberExpressionAst: checkMember,
  InvokeMemberExpressionAst: checkInvokeMember,
  ArrayLiteralAst: (e, walk) => visitAll(e.elements, walk),
  ArrayExpressionAst: (e, walk) => walk.visit(e.subExpression),
  SubExpressionAst: (e, walk) => walk.visit(e.subExpression),
  ParenExpressionAst: (e, walk) => walk.visit(e.pipeline),
  HashtableAst: (e, walk) =>
    e.keyValuePairs.forEach(([k, v]) => {
      walk.visit(k);
      walk.visit(v);
    }),
  ConvertExpressionAst: (e, walk) => {
    const name = e.typeConstraint.typeName;
    const ordered = /^ordered$/i.test(name.trim());
    if (ordered ? e.child.type !== 'HashtableAst' : !knownType(name))
      throw new UnsupportedConstructError(`the cast [${name}]`, e.typeConstraint.extent);
    walk.visit(e.child);
  },
  TypeExpressionAst: (e) => {
    if (!knownType(e.typeName) && !isStaticType(e.typeName))
      throw new UnsupportedConstructError(`the type [${e.typeName}]`, e.extent);
  },
  BinaryExpressionAst: (e, walk) => {
    if (e.operator === '??') {
      throw new UnsupportedConstructError(
        "the '??' operator (PowerShell 7)",
        operatorPosition(e.extent, e.left.extent, '??'),
      );
    }
    if (!isSupportedBinary(e.operator)) throw new UnsupportedConstructError(`the '${e.operator}' operator`, e.extent);
    if (!walk.dialect.inOperators && /^-[ci]?(not)?in$/.test(e.operator)) {
      throw new UnsupportedConstructError(
        `the '${e.operator}' operator in ${walk.dialect.title} (it exists from PowerShell 3.0)`,
        e.extent,
      );
    }
    walk.visit(e.left);
    walk.visit(e.right);
  },
  UnaryExpressionAst: (e, walk) => {
    if (!isSupportedUnary(e.operator)) throw new UnsupportedConstructError(`the '${e.operator}' operator`, e.extent);
    const target = e.child.type;
    if (
      /^(\+\+|--)/.test(e.operator) &&
      target !== 'VariableExpressionAst' &&
      target !== 'MemberExpressionAst' &&
      target !== 'IndexExpressionAst'
    )
      throw new UnsupportedConstructError(
        `'${e.operator.replace('postfix', '')}' on '${e.child.extent.text}'`,
        e.extent,
      );
    walk.visit(e.child);
  },
  IndexExpressionAst: (e, walk) => {
    refuseNullConditional(e, '?[]');
    walk.visit(e.target);
    walk.visit(e.index);
  },
  ScriptBlockExpressionAst: (e, walk) => walk.visit(e.scriptBlock),
  TernaryExpressionAst: (e) => {
    throw new UnsupportedConstructError("the ternary operator '? :' (PowerShell 7)", e.extent);
  },
  AttributedExpressionAst: (e) => {
    throw new UnsupportedConstructError(`attributes ('[${e.attribute.typeName}(...)]')`, e.extent);
  },
};
