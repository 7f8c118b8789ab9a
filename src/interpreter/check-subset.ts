// Refuses, before anything runs, syntax outside the interpreter's PowerShell subset (named with line:column).
import type {
  Ast,
  CommandAst,
  CommandExpressionAst,
  ExpressionAst,
  Extent,
  ScriptBlockAst,
  StatementBlockAst,
} from '../ast/ast.js';
import type { InterpreterDialect } from '../runtime/interpreter-dialect.js';
import { resolveExceptionType } from '../runtime/ps-error-record.js';
import { isSupportedBinary, isSupportedUnary } from '../runtime/ps-operators.js';
import { knownType } from '../runtime/ps-types.js';
import { isStaticType, isSupportedStatic } from './static-members.js';
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
const STATEMENT_NAMES: Readonly<Record<string, string>> = {
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

/** Line and column of `op` written after `left` inside `whole`. */
function operatorPosition(whole: Extent, left: Extent, op: string): Pick<Extent, 'startLine' | 'startColumn'> {
  const at = whole.text.indexOf(op, left.endOffset - whole.startOffset);
  const before = whole.text.slice(0, at).split(/\r\n|\r|\n/);
  const startLine = whole.startLine + before.length - 1;
  const startColumn = before.length === 1 ? whole.startColumn + at : before[before.length - 1]!.length + 1;
  return { startLine, startColumn };
}

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

/** Walks the whole script; throws UnsupportedConstructError at the first construct the interpreter cannot run. */
export function checkSubset(root: ScriptBlockAst, dialect: InterpreterDialect): void {
  const visit = (node: Ast): void => {
    switch (node.type) {
      case 'ScriptBlockAst':
        refuseBlocks(node);
        node.statements.forEach(visit);
        return;
      case 'StatementBlockAst':
        (node as StatementBlockAst).statements.forEach(visit);
        return;
      case 'PipelineAst':
        if (node.background) {
          throw new UnsupportedConstructError("the background operator '&' (PowerShell 7)", node.extent);
        }
        node.pipelineElements.forEach(visit);
        return;
      case 'PipelineChainAst':
        throw new UnsupportedConstructError(
          `the '${node.operator}' pipeline chain operator (PowerShell 7)`,
          node.extent,
        );
      case 'FunctionDefinitionAst': {
        const keyword = node.isFilter ? 'filter' : node.isWorkflow ? 'workflow' : 'function';
        throw new UnsupportedConstructError(
          `${keyword === 'workflow' ? 'workflows' : `${keyword} definitions`} ('${keyword}')`,
          node.extent,
        );
      }
      case 'TypeDefinitionAst':
        throw new UnsupportedConstructError(
          node.isEnum ? "enum definitions ('enum')" : "class definitions ('class')",
          node.extent,
        );
      case 'CommandExpressionAst':
        refuseRedirections(node);
        visit(node.expression);
        return;
      case 'CommandAst':
        command(node);
        return;
      case 'CommandParameterAst':
        if (node.argument) visit(node.argument);
        return;
      case 'AssignmentStatementAst':
        if (node.operator === '??=') {
          throw new UnsupportedConstructError("the '??=' operator (PowerShell 7)", node.extent);
        }
        checkAssignable(node.left);
        visit(node.left);
        visit(node.right);
        return;
      case 'IfStatementAst':
        node.clauses.forEach((c) => {
          visit(c.condition);
          visit(c.body);
        });
        if (node.elseClause) visit(node.elseClause);
        return;
      case 'ForEachStatementAst':
        if (node.label !== undefined) {
          throw new UnsupportedConstructError(`loop labels (':${node.label}')`, node.extent);
        }
        if (node.flags !== undefined) {
          throw new UnsupportedConstructError(`the foreach option '-${node.flags[0]}'`, node.extent);
        }
        if (node.condition.type === 'AssignmentStatementAst') {
          throw new UnsupportedConstructError(
            'an assignment as the collection of a foreach loop',
            node.condition.extent,
          );
        }
        visit(node.condition);
        visit(node.body);
        return;
      case 'TryStatementAst':
        visit(node.body);
        for (const c of node.catchClauses) {
          for (const t of c.catchTypes)
            if (!resolveExceptionType(t.typeName))
              throw new UnsupportedConstructError(`catch type [${t.typeName}]`, t.extent);
          visit(c.body);
        }
        if (node.finally) visit(node.finally);
        return;
      case 'ThrowStatementAst':
      case 'ReturnStatementAst':
        if (node.pipeline?.type === 'AssignmentStatementAst') {
          throw new UnsupportedConstructError(
            `an assignment after '${node.type === 'ThrowStatementAst' ? 'throw' : 'return'}'`,
            node.pipeline.extent,
          );
        }
        if (node.pipeline) visit(node.pipeline);
        return;
      case 'BreakStatementAst':
      case 'ContinueStatementAst':
        if (node.label) {
          throw new UnsupportedConstructError(
            `loop labels after '${node.type === 'BreakStatementAst' ? 'break' : 'continue'}'`,
            node.extent,
          );
        }
        return;
      case 'CatchClauseAst':
      case 'TypeConstraintAst':
        return;
      default: {
        const name = STATEMENT_NAMES[node.type];
        if (name !== undefined) throw new UnsupportedConstructError(name, node.extent);
        expression(node as ExpressionAst);
      }
    }
  };
  const command = (c: CommandAst): void => {
    refuseRedirections(c);
    if (c.invocationOperator === '.') throw new UnsupportedConstructError("dot-sourcing ('.')", c.extent);
    const first = c.commandElements[0];
    if (!first || first.type !== 'StringConstantExpressionAst') {
      throw new UnsupportedConstructError(
        `a computed command name ('${first?.extent.text ?? ''}')`,
        first?.extent ?? c.extent,
      );
    }
    c.commandElements.slice(1).forEach(visit);
  };
  const expression = (e: ExpressionAst): void => {
    switch (e.type) {
      case 'StringConstantExpressionAst':
      case 'ConstantExpressionAst':
        return;
      case 'ExpandableStringExpressionAst':
        e.parts.forEach((p) => {
          if (typeof p !== 'string') visit(p);
        });
        return;
      case 'VariableExpressionAst': {
        const drive = variableDrive(e.variablePath);
        if (drive !== null) throw new UnsupportedConstructError(`the '${drive}:' variable scope or drive`, e.extent);
        return;
      }
      case 'MemberExpressionAst':
        if (e.nullConditional) {
          throw new UnsupportedConstructError("the null-conditional operator '?.' (PowerShell 7)", e.extent);
        }
        if (e.static) {
          const type = e.expression.type === 'TypeExpressionAst' ? e.expression.typeName : null;
          const name = memberName(e.member);
          if (type === null || name === null || !isSupportedStatic(type, name, false))
            throw new UnsupportedConstructError(`the static member '${e.extent.text}'`, e.extent);
          return;
        }
        visit(e.expression);
        visit(e.member);
        return;
      case 'InvokeMemberExpressionAst':
        if (e.nullConditional) {
          throw new UnsupportedConstructError("the null-conditional operator '?.' (PowerShell 7)", e.extent);
        }
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
          visit(e.expression);
        }
        e.arguments.forEach(visit);
        return;
      case 'ArrayLiteralAst':
        e.elements.forEach(visit);
        return;
      case 'ArrayExpressionAst':
      case 'SubExpressionAst':
        visit(e.subExpression);
        return;
      case 'ParenExpressionAst':
        visit(e.pipeline);
        return;
      case 'HashtableAst':
        e.keyValuePairs.forEach(([k, v]) => {
          visit(k);
          visit(v);
        });
        return;
      case 'ConvertExpressionAst': {
        const name = e.typeConstraint.typeName;
        const ordered = /^ordered$/i.test(name.trim());
        if (ordered ? e.child.type !== 'HashtableAst' : !knownType(name))
          throw new UnsupportedConstructError(`the cast [${name}]`, e.typeConstraint.extent);
        visit(e.child);
        return;
      }
      case 'TypeExpressionAst':
        if (!knownType(e.typeName) && !isStaticType(e.typeName))
          throw new UnsupportedConstructError(`the type [${e.typeName}]`, e.extent);
        return;
      case 'BinaryExpressionAst':
        if (e.operator === '??') {
          throw new UnsupportedConstructError(
            "the '??' operator (PowerShell 7)",
            operatorPosition(e.extent, e.left.extent, '??'),
          );
        }
        if (!isSupportedBinary(e.operator))
          throw new UnsupportedConstructError(`the '${e.operator}' operator`, e.extent);
        if (!dialect.inOperators && /^-[ci]?(not)?in$/.test(e.operator)) {
          throw new UnsupportedConstructError(
            `the '${e.operator}' operator in ${dialect.title} (it exists from PowerShell 3.0)`,
            e.extent,
          );
        }
        visit(e.left);
        visit(e.right);
        return;
      case 'UnaryExpressionAst':
        if (!isSupportedUnary(e.operator))
          throw new UnsupportedConstructError(`the '${e.operator}' operator`, e.extent);
        if (/^(\+\+|--)/.test(e.operator) && e.child.type !== 'VariableExpressionAst')
          throw new UnsupportedConstructError(
            `'${e.operator.replace('postfix', '')}' on '${e.child.extent.text}'`,
            e.extent,
          );
        visit(e.child);
        return;
      case 'IndexExpressionAst':
        if (e.nullConditional) {
          throw new UnsupportedConstructError("the null-conditional operator '?[]' (PowerShell 7)", e.extent);
        }
        visit(e.target);
        visit(e.index);
        return;
      case 'ScriptBlockExpressionAst':
        visit(e.scriptBlock);
        return;
      case 'TernaryExpressionAst':
        throw new UnsupportedConstructError("the ternary operator '? :' (PowerShell 7)", e.extent);
      case 'AttributedExpressionAst':
        throw new UnsupportedConstructError(`attributes ('[${e.attribute.typeName}(...)]')`, e.extent);
      default:
        throw new UnsupportedConstructError(`'${(e as ExpressionAst).extent.text}'`, (e as ExpressionAst).extent);
    }
  };
  visit(root);
}
