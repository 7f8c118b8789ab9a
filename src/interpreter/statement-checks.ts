// The subset check of statements: which statement forms the interpreter runs, and what it refuses (with where).
import type {
  Ast,
  BreakStatementAst,
  CommandAst,
  CommandExpressionAst,
  ContinueStatementAst,
  ExpressionAst,
  ReturnStatementAst,
  ScriptBlockAst,
  ThrowStatementAst,
} from '../ast/ast.js';
import { resolveExceptionType } from '../runtime/ps-error-record.js';
import { checkParamBlock, checkParameters } from './parameter-checks.js';
import type { NodeChecks, SubsetWalk } from './subset-walk.js';
import { UnsupportedConstructError } from './unsupported-construct.js';

function checkAssignable(left: ExpressionAst): void {
  switch (left.type) {
    case 'VariableExpressionAst':
    case 'MemberExpressionAst':
    case 'IndexExpressionAst':
      return;
    case 'ConvertExpressionAst':
      if (left.child.type === 'VariableExpressionAst') return;
      break;
    case 'ArrayLiteralAst':
      if (left.elements.every((e) => e.type === 'VariableExpressionAst')) return;
      break;
    default:
      break;
  }
  throw new UnsupportedConstructError(`assignment to '${left.extent.text}'`, left.extent);
}

/** What the interpreter calls each statement it does not run (the parser reads them all). */
export const STATEMENT_NAMES: Readonly<Record<string, string>> = {
  ExitStatementAst: "'exit'",
  TrapStatementAst: "'trap' statements",
  DataStatementAst: "'data' sections",
  UsingStatementAst: "'using' statements",
  BlockStatementAst: "workflow blocks ('parallel', 'sequence')",
  ConfigurationDefinitionAst: "DSC configurations ('configuration')",
};

function refuseBlocks(sb: ScriptBlockAst, walk: SubsetWalk): void {
  if (sb.usingStatements?.[0]) throw new UnsupportedConstructError("'using' statements", sb.usingStatements[0].extent);
  if (sb.paramBlock) checkParamBlock(sb.paramBlock, walk);
  const named = [sb.dynamicParamBlock, sb.cleanBlock].filter((b) => b !== undefined);
  named.sort((a, b) => a.extent.startOffset - b.extent.startOffset);
  if (named[0]) throw new UnsupportedConstructError(`named blocks ('${named[0].blockKind}')`, named[0].extent);
  for (const b of [sb.beginBlock, sb.processBlock, sb.endBlock]) b?.statements.forEach((s) => walk.visit(s));
}

function refuseRedirections(node: CommandAst | CommandExpressionAst): void {
  const r = node.redirections?.[0];
  if (r) throw new UnsupportedConstructError(`redirection ('${r.extent.text.split(/\s/)[0]}')`, r.extent);
}

/** What `&`/`.` may call besides a name or `{ }`: a variable, `$rules[$name]`, `$config.Check`. */
function isCallableExpression(e: Ast | undefined): boolean {
  if (e?.type === 'VariableExpressionAst') return !e.splatted;
  return e?.type === 'IndexExpressionAst' || e?.type === 'MemberExpressionAst';
}

function checkCommand(c: CommandAst, walk: SubsetWalk): void {
  refuseRedirections(c);
  const first = c.commandElements[0];
  if (first?.type === 'ScriptBlockExpressionAst') walk.visit(first);
  else if (c.invocationOperator !== null && isCallableExpression(first)) walk.visit(first);
  else if (!first || first.type !== 'StringConstantExpressionAst') {
    throw new UnsupportedConstructError(
      `a computed command name ('${first?.extent.text ?? ''}')`,
      first?.extent ?? c.extent,
    );
  }
  c.commandElements.slice(1).forEach((e) => walk.visit(e));
}

/** Checks of the statement-level node kinds (expressions are in expression-checks.ts). */
export const STATEMENT_CHECKS: NodeChecks<Ast> = {
  ScriptBlockAst: (node, walk) => {
    refuseBlocks(node, walk);
    if (!node.endBlock) node.statements.forEach((s) => walk.visit(s));
  },
  StatementBlockAst: (node, walk) => node.statements.forEach((s) => walk.visit(s)),
  PipelineAst: (node, walk) => {
    if (node.background) {
      throw new UnsupportedConstructError("the background operator '&' (PowerShell 7)", node.extent);
    }
    node.pipelineElements.forEach((e) => walk.visit(e));
  },
  PipelineChainAst: (node) => {
    throw new UnsupportedConstructError(`the '${node.operator}' pipeline chain operator (PowerShell 7)`, node.extent);
  },
  FunctionDefinitionAst: (node, walk) => {
    if (node.isWorkflow) throw new UnsupportedConstructError("workflows ('workflow')", node.extent);
    if (node.parameters) checkParameters(node.parameters, walk);
    walk.visit(node.body);
  },
  TypeDefinitionAst: (node) => {
    throw new UnsupportedConstructError(
      node.isEnum ? "enum definitions ('enum')" : "class definitions ('class')",
      node.extent,
    );
  },
  CommandExpressionAst: (node, walk) => {
    refuseRedirections(node);
    walk.visit(node.expression);
  },
  CommandAst: checkCommand,
  CommandParameterAst: (node, walk) => {
    if (node.argument) walk.visit(node.argument);
  },
  AssignmentStatementAst: (node, walk) => {
    if (node.operator === '??=') {
      throw new UnsupportedConstructError("the '??=' operator (PowerShell 7)", node.extent);
    }
    checkAssignable(node.left);
    walk.visit(node.left);
    walk.visit(node.right);
  },
  IfStatementAst: (node, walk) => {
    node.clauses.forEach((c) => {
      walk.visit(c.condition);
      walk.visit(c.body);
    });
    if (node.elseClause) walk.visit(node.elseClause);
  },
  ForEachStatementAst: (node, walk) => {
    if (node.flags !== undefined) {
      throw new UnsupportedConstructError(`the foreach option '-${node.flags[0]}'`, node.extent);
    }
    if (node.condition.type === 'AssignmentStatementAst') {
      throw new UnsupportedConstructError('an assignment as the collection of a foreach loop', node.condition.extent);
    }
    walk.visit(node.condition);
    walk.visit(node.body);
  },
  TryStatementAst: (node, walk) => {
    walk.visit(node.body);
    for (const c of node.catchClauses) {
      for (const t of c.catchTypes)
        if (!resolveExceptionType(t.typeName))
          throw new UnsupportedConstructError(`catch type [${t.typeName}]`, t.extent);
      walk.visit(c.body);
    }
    if (node.finally) walk.visit(node.finally);
  },
  ThrowStatementAst: (node, walk) => checkThrowOrReturn(node, 'throw', walk),
  ReturnStatementAst: (node, walk) => checkThrowOrReturn(node, 'return', walk),
  BreakStatementAst: (node, walk) => visitLabel(node, walk),
  ContinueStatementAst: (node, walk) => visitLabel(node, walk),
  SwitchStatementAst: (node, walk) => {
    const flag = node.flags.find((f) => f === 'file' || f === 'parallel');
    if (flag !== undefined) throw new UnsupportedConstructError(`the switch option '-${flag}'`, node.extent);
    walk.visit(node.condition);
    node.clauses.forEach((c) => {
      walk.visit(c.condition);
      walk.visit(c.body);
    });
    if (node.default) walk.visit(node.default);
  },
  ForStatementAst: (node, walk) => {
    for (const part of [node.initializer, node.condition, node.iterator]) if (part) walk.visit(part);
    walk.visit(node.body);
  },
  WhileStatementAst: visitLoop,
  DoWhileStatementAst: visitLoop,
  DoUntilStatementAst: visitLoop,
  CatchClauseAst: () => undefined,
  TypeConstraintAst: () => undefined,
};

function checkThrowOrReturn(node: ThrowStatementAst | ReturnStatementAst, keyword: string, walk: SubsetWalk): void {
  if (node.pipeline?.type === 'AssignmentStatementAst') {
    throw new UnsupportedConstructError(`an assignment after '${keyword}'`, node.pipeline.extent);
  }
  if (node.pipeline) walk.visit(node.pipeline);
}

function visitLabel(node: BreakStatementAst | ContinueStatementAst, walk: SubsetWalk): void {
  if (node.label) walk.visit(node.label);
}

function visitLoop(node: { condition: Ast; body: Ast }, walk: SubsetWalk): void {
  walk.visit(node.condition);
  walk.visit(node.body);
}
