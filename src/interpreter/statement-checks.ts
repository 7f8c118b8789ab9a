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
  WhileStatementAst: "'while' loops",
  DoWhileStatementAst: "'do' loops",
  DoUntilStatementAst: "'do' loops",
  ForStatementAst: "'for' loops",
  SwitchStatementAst: "'switch' statements",
  ExitStatementAst: "'exit'",
  TrapStatementAst: "'trap' statements",
  DataStatementAst: "'data' sections",
  UsingStatementAst: "'using' statements",
  BlockStatementAst: "workflow blocks ('parallel', 'sequence')",
  ConfigurationDefinitionAst: "DSC configurations ('configuration')",
};

function refuseBlocks(sb: ScriptBlockAst): void {
  if (sb.usingStatements?.[0]) throw new UnsupportedConstructError("'using' statements", sb.usingStatements[0].extent);
  if (sb.paramBlock) throw new UnsupportedConstructError('param() blocks', sb.paramBlock.extent);
  const named = [sb.dynamicParamBlock, sb.beginBlock, sb.processBlock, sb.endBlock, sb.cleanBlock].filter(
    (b) => b !== undefined,
  );
  named.sort((a, b) => a.extent.startOffset - b.extent.startOffset);
  if (named[0]) throw new UnsupportedConstructError(`named blocks ('${named[0].blockKind}')`, named[0].extent);
}

function refuseRedirections(node: CommandAst | CommandExpressionAst): void {
  const r = node.redirections?.[0];
  if (r) throw new UnsupportedConstructError(`redirection ('${r.extent.text.split(/\s/)[0]}')`, r.extent);
}

function checkCommand(c: CommandAst, walk: SubsetWalk): void {
  refuseRedirections(c);
  if (c.invocationOperator === '.') throw new UnsupportedConstructError("dot-sourcing ('.')", c.extent);
  const first = c.commandElements[0];
  if (!first || first.type !== 'StringConstantExpressionAst') {
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
    refuseBlocks(node);
    node.statements.forEach((s) => walk.visit(s));
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
  FunctionDefinitionAst: (node) => {
    const keyword = node.isFilter ? 'filter' : node.isWorkflow ? 'workflow' : 'function';
    throw new UnsupportedConstructError(
      `${keyword === 'workflow' ? 'workflows' : `${keyword} definitions`} ('${keyword}')`,
      node.extent,
    );
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
    if (node.label !== undefined) {
      throw new UnsupportedConstructError(`loop labels (':${node.label}')`, node.extent);
    }
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
  BreakStatementAst: (node) => refuseLabel(node, 'break'),
  ContinueStatementAst: (node) => refuseLabel(node, 'continue'),
  CatchClauseAst: () => undefined,
  TypeConstraintAst: () => undefined,
};

function checkThrowOrReturn(node: ThrowStatementAst | ReturnStatementAst, keyword: string, walk: SubsetWalk): void {
  if (node.pipeline?.type === 'AssignmentStatementAst') {
    throw new UnsupportedConstructError(`an assignment after '${keyword}'`, node.pipeline.extent);
  }
  if (node.pipeline) walk.visit(node.pipeline);
}

function refuseLabel(node: BreakStatementAst | ContinueStatementAst, keyword: string): void {
  if (node.label) throw new UnsupportedConstructError(`loop labels after '${keyword}'`, node.extent);
}
