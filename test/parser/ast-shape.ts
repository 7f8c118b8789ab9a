// Test helpers: a compact one-line rendering of runbook ASTs, and error capture.
import type { Ast, ExpressionAst, StatementAst } from '../../src/ast/ast.js';
import { parse } from '../../src/parser/parser.js';
import { ParseError } from '../../src/parser/parse-error.js';

const STRING_TAG = {
  BareWord: 'bare',
  SingleQuoted: 'sq',
  DoubleQuoted: 'dq',
  SingleQuotedHereString: 'hsq',
  DoubleQuotedHereString: 'hdq',
} as const;

/** A compact, readable rendering of a node, e.g. `cmd(bare:Get-X -Server bare:A)`. */
export function shape(node: Ast): string {
  switch (node.type) {
    case 'ScriptBlockAst':
    case 'StatementBlockAst':
      return node.statements.map(shape).join('; ');
    case 'PipelineAst':
      return node.pipelineElements.map(shape).join(' | ');
    case 'CommandExpressionAst':
      return shape(node.expression);
    case 'CommandAst':
      return `${node.invocationOperator ?? ''}cmd(${node.commandElements.map(shape).join(' ')})`;
    case 'CommandParameterAst':
      return `${node.dash === '-' ? '-' : `{${node.dash}}`}${node.parameterName}${node.usedColon ? ':' : ''}${node.argument ? shape(node.argument) : ''}`;
    case 'AssignmentStatementAst':
      return `${shape(node.left)} ${node.operator} ${shape(node.right)}`;
    case 'IfStatementAst':
      return (
        node.clauses.map((c, i) => `${i === 0 ? 'if' : 'elseif'}(${shape(c.condition)}){${shape(c.body)}}`).join('') +
        (node.elseClause ? `else{${shape(node.elseClause)}}` : '')
      );
    case 'ForEachStatementAst':
      return `foreach(${shape(node.variable)} in ${shape(node.condition)}){${shape(node.body)}}`;
    case 'TryStatementAst':
      return `try{${shape(node.body)}}${node.catchClauses.map(shape).join('')}${node.finally ? `finally{${shape(node.finally)}}` : ''}`;
    case 'CatchClauseAst':
      return `catch${node.catchTypes.map(shape).join(',')}{${shape(node.body)}}`;
    case 'ThrowStatementAst':
      return `throw${node.pipeline ? ' ' + shape(node.pipeline) : ''}`;
    case 'ReturnStatementAst':
      return `return${node.pipeline ? ' ' + shape(node.pipeline) : ''}`;
    case 'BreakStatementAst':
      return 'break';
    case 'ContinueStatementAst':
      return 'continue';
    case 'StringConstantExpressionAst':
      return `${STRING_TAG[node.stringConstantType]}:${node.value}`;
    case 'ExpandableStringExpressionAst':
      return `${STRING_TAG[node.stringConstantType]}"${node.parts.map((p) => (typeof p === 'string' ? p : `{${shape(p)}}`)).join('')}"`;
    case 'ConstantExpressionAst':
      return `${node.value}:${node.staticType}`;
    case 'VariableExpressionAst':
      return `${node.splatted ? '@' : '$'}${node.variablePath}`;
    case 'MemberExpressionAst':
      return `${shape(node.expression)}${node.static ? '::' : '.'}${memberName(node.member)}`;
    case 'InvokeMemberExpressionAst':
      return `${shape(node.expression)}${node.static ? '::' : '.'}${memberName(node.member)}(${node.arguments.map(shape).join(', ')})`;
    case 'ArrayLiteralAst':
      return `array(${node.elements.map(shape).join(', ')})`;
    case 'ArrayExpressionAst':
      return `@(${shape(node.subExpression)})`;
    case 'SubExpressionAst':
      return `$(${shape(node.subExpression)})`;
    case 'ParenExpressionAst':
      return `(${shape(node.pipeline)})`;
    case 'HashtableAst':
      return `@{${node.keyValuePairs.map(([k, v]) => `${shape(k)}=${shape(v)}`).join('; ')}}`;
    case 'ConvertExpressionAst':
      return `${shape(node.typeConstraint)}${shape(node.child)}`;
    case 'TypeExpressionAst':
      return `type[${node.typeName}]`;
    case 'TypeConstraintAst':
      return `[${node.typeName}]`;
    case 'BinaryExpressionAst':
      return `(${shape(node.left)} ${node.operator} ${shape(node.right)})`;
    case 'UnaryExpressionAst':
      return `(${node.operator} ${shape(node.child)})`;
    case 'IndexExpressionAst':
      return `${shape(node.target)}[${shape(node.index)}]`;
    case 'ScriptBlockExpressionAst':
      return `{${shape(node.scriptBlock)}}`;
    default:
      return `${node.type}<${node.extent.text}>`;
  }
}

function memberName(member: ExpressionAst): string {
  return member.type === 'StringConstantExpressionAst' && member.stringConstantType === 'BareWord'
    ? member.value
    : shape(member);
}

/** The shape of a whole script. */
export function shapeOf(text: string): string {
  return shape(parse(text));
}

/** The only statement of a script. */
export function only(text: string): StatementAst {
  const ast = parse(text);
  if (ast.statements.length !== 1) throw new Error(`expected one statement, got ${ast.statements.length}`);
  return ast.statements[0]!;
}

/** The ParseError the text raises (fails the test when it parses or throws something else). */
export function parseError(text: string): ParseError {
  try {
    parse(text);
  } catch (e) {
    if (e instanceof ParseError) return e;
    throw new Error(`expected a ParseError for ${JSON.stringify(text)}, got ${String(e)}`, { cause: e });
  }
  throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
}
