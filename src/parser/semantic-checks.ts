// Checks PowerShell runs right after parsing (SemanticChecks.cs).
import type { Ast, CatchClauseAst, ExpressionAst, HashtableAst, StatementAst } from '../ast/ast.js';

/** A semantic problem: PowerShell reports these after all syntax errors. */
export interface SemanticIssue {
  readonly reason: string;
  readonly offset: number;
}

const INVALID_LHS =
  'The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.';

/** PipelineAst.GetPureExpression: the expression of a one-element expression pipeline. */
function pureExpression(p: StatementAst): ExpressionAst | null {
  if (p.type !== 'PipelineAst' || p.pipelineElements.length !== 1) return null;
  const e = p.pipelineElements[0]!;
  return e.type === 'CommandExpressionAst' ? e.expression : null;
}

/** The first node that cannot take an assignment (`simple` is `=`, which also allows `$a, $b = ...`), or null. */
function invalidTarget(ast: ExpressionAst, simple: boolean): Ast | null {
  switch (ast.type) {
    case 'ArrayLiteralAst':
      if (!simple) return ast;
      for (const e of ast.elements) {
        const bad = invalidTarget(e, true);
        if (bad !== null) return bad;
      }
      return null;
    case 'ParenExpressionAst': {
      const pure = pureExpression(ast.pipeline);
      return pure === null ? ast.pipeline : invalidTarget(pure, simple);
    }
    case 'ConvertExpressionAst':
    case 'AttributedExpressionAst': {
      let child: ExpressionAst = ast;
      while (child.type === 'ConvertExpressionAst' || child.type === 'AttributedExpressionAst') child = child.child;
      return invalidTarget(child, simple);
    }
    case 'VariableExpressionAst':
    case 'MemberExpressionAst':
    case 'InvokeMemberExpressionAst':
    case 'IndexExpressionAst':
      return null;
    default:
      return ast;
  }
}

/** InvalidLeftHandSide for `left <operator> ...`, or null. */
export function checkAssignmentTarget(left: ExpressionAst, operator: string): SemanticIssue | null {
  const bad = invalidTarget(left, operator === '=');
  return bad === null ? null : { reason: INVALID_LHS, offset: bad.extent.startOffset };
}

/** `++`/`--` need a variable or property. */
export function checkIncrementTarget(child: ExpressionAst, operator: string): SemanticIssue | null {
  const bad = invalidTarget(child, false);
  return bad === null
    ? null
    : {
        reason: `The '${operator}' operator works only on variables or on properties.`,
        offset: bad.extent.startOffset,
      };
}

/** `@name` outside the argument list of a command. */
export function splattingNotPermitted(name: string, offset: number, inArgumentList: boolean): SemanticIssue {
  const reason = inArgumentList
    ? `Splatted variables like '@${name}' cannot be part of a comma-separated list of arguments.`
    : `The splatting operator '@' cannot be used to reference variables in an expression. '@${name}' can be used only as an argument to a command. To reference variables in an expression use '$${name}'.`;
  return { reason, offset };
}

/** A repeated constant key (compared case-insensitively, as PowerShell does). */
export function checkDuplicateKeys(hashtable: HashtableAst): SemanticIssue | null {
  const seen = new Set<string>();
  for (const [k] of hashtable.keyValuePairs) {
    if (k.type !== 'StringConstantExpressionAst' && k.type !== 'ConstantExpressionAst') continue;
    const shown = String(k.value);
    const key = shown.toLowerCase();
    if (seen.has(key))
      return { reason: `Duplicate keys '${shown}' are not allowed in hash literals.`, offset: k.extent.startOffset };
    seen.add(key);
  }
  return null;
}

/** A catch-all clause that is not the last one. */
export function checkCatchOrder(clauses: readonly CatchClauseAst[]): SemanticIssue | null {
  for (let i = 0; i < clauses.length - 1; i++) {
    if (clauses[i]!.catchTypes.length === 0)
      return { reason: 'Catch block must be the last catch block.', offset: clauses[i + 1]!.extent.startOffset };
  }
  return null;
}

/** `[ordered]` applies only to a hashtable literal. */
export function checkOrdered(typeName: string, child: ExpressionAst, offset: number): SemanticIssue | null {
  if (typeName.toLowerCase() !== 'ordered' || child.type === 'HashtableAst') return null;
  return { reason: `The ${typeName} attribute can be specified only on a hash literal node.`, offset };
}

/** break/continue/return leaving a finally block. */
export const CONTROL_LEAVING_FINALLY = 'Flow of control cannot leave a Finally block.';
