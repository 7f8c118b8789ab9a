// Test helper: renders runbook ASTs in the compact form used by the PowerShell 7.6 golden file (pwsh-golden.json).
import type { Ast } from '../../src/ast/ast.js';

/** PowerShell's UnaryExpressionAst.TokenKind names for our operator strings. */
const UNARY: Readonly<Record<string, string>> = {
  '-not': 'Not',
  '!': 'Exclaim',
  '-': 'Minus',
  '+': 'Plus',
  '++': 'PlusPlus',
  '--': 'MinusMinus',
  '++postfix': 'PostfixPlusPlus',
  '--postfix': 'PostfixMinusMinus',
  '-bnot': 'Bnot',
  '-split': 'Isplit',
  '-isplit': 'Isplit',
  '-csplit': 'Csplit',
  '-join': 'Join',
};

const TYPE: Readonly<Record<string, string>> = {
  ScriptBlockAst: 'SB',
  StatementBlockAst: 'Block',
  PipelineAst: 'Pipe',
  AssignmentStatementAst: 'Assign',
  IfStatementAst: 'If',
  ForEachStatementAst: 'ForEach',
  CatchClauseAst: 'Catch',
  TryStatementAst: 'Try',
  ThrowStatementAst: 'Throw',
  ReturnStatementAst: 'Return',
  BreakStatementAst: 'Break',
  ContinueStatementAst: 'Continue',
  CommandAst: 'Cmd',
  CommandParameterAst: 'Param',
  CommandExpressionAst: 'CmdX',
  StringConstantExpressionAst: 'Str',
  ExpandableStringExpressionAst: 'XStr',
  ConstantExpressionAst: 'Num',
  VariableExpressionAst: 'Var',
  MemberExpressionAst: 'Member',
  InvokeMemberExpressionAst: 'Invoke',
  ArrayLiteralAst: 'Arr',
  ArrayExpressionAst: 'AtParen',
  SubExpressionAst: 'Sub',
  ParenExpressionAst: 'Paren',
  HashtableAst: 'Hash',
  ConvertExpressionAst: 'Cast',
  TypeExpressionAst: 'Type',
  TypeConstraintAst: 'TC',
  BinaryExpressionAst: 'Bin',
  UnaryExpressionAst: 'Un',
  IndexExpressionAst: 'Index',
  ScriptBlockExpressionAst: 'SBX',
};

/**
 * A node as a plain object shaped like the PowerShell dump: `x` is [startOffset, endOffset]; an assignment's
 * one-expression right side is its CommandExpressionAst (PowerShell unwraps it; our AST keeps the PipelineAst).
 */
export function dumpForm(node: unknown): unknown {
  if (node === null || node === undefined) return null;
  if (typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map(dumpForm);
  if (!('extent' in node)) {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, dumpForm(v)]));
  }
  let n = node as Ast & Record<string, unknown>;
  if (
    n.type === 'AssignmentStatementAst' &&
    n.right.type === 'PipelineAst' &&
    n.right.pipelineElements.length === 1 &&
    n.right.pipelineElements[0]!.type === 'CommandExpressionAst'
  ) {
    n = { ...n, right: n.right.pipelineElements[0]! } as unknown as typeof n;
  }
  const out: Record<string, unknown> = { type: n.type, x: [n.extent.startOffset, n.extent.endOffset] };
  for (const [k, v] of Object.entries(n)) {
    if (k === 'type' || k === 'extent' || k === 'usedColon') continue;
    if (k === 'value' && n.type === 'ConstantExpressionAst') out.value = String(v);
    else if (k === 'operator' && n.type === 'UnaryExpressionAst') out.operator = UNARY[v as string] ?? v;
    else out[k] = dumpForm(v);
  }
  return out;
}

/** The compact canonical text of a dump-shaped value (numbers compared as doubles, dashes in operators as '-'). */
export function canonical(v: unknown, key = ''): string {
  if (v === null || v === undefined) return '~';
  if (typeof v === 'string') {
    if (key === 'operator') return JSON.stringify(v.replace(/[\u2013\u2014\u2015]/g, '-').toLowerCase());
    return JSON.stringify(v);
  }
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return '[' + v.map((e) => canonical(e, key)).join(',') + ']';
  const o = v as Record<string, unknown>;
  if (typeof o.type !== 'string') {
    return (
      '{' +
      Object.keys(o)
        .sort()
        .map((k) => `${k}=${canonical(o[k], k)}`)
        .join(',') +
      '}'
    );
  }
  const type = o.type;
  const x = o.x as [number, number];
  const emptyBlock = type === 'StatementBlockAst' && Array.isArray(o.statements) && o.statements.length === 0;
  const fields = Object.keys(o)
    .filter((k) => k !== 'type' && k !== 'x')
    .sort()
    .map((k) => {
      if (k === 'value' && type === 'ConstantExpressionAst') return `value=${String(Number(o[k]))}`;
      return `${k}=${canonical(o[k], k)}`;
    });
  return `${TYPE[type] ?? type}@${emptyBlock ? '?' : `${x[0]}-${x[1]}`}{${fields.join(',')}}`;
}
