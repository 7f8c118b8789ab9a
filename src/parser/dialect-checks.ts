// Syntax a PowerShell dialect lacks: PowerShell 7 operators in 5.1 and 2.0, 3.0-5.0 statements in 2.0, workflows in 7.
import type { Ast } from '../ast/ast.js';
import { walkAst } from './ast-walk.js';
import type { SemanticIssue } from './semantic-checks.js';

/** The dialects `parse` can check a script against (the spec's ShellVersion). */
export type ParseDialect = '2.0' | '5.1' | '7';

const TITLE: Readonly<Record<ParseDialect, string>> = {
  '2.0': 'Windows PowerShell 2.0',
  '5.1': 'Windows PowerShell 5.1',
  '7': 'PowerShell 7',
};

/** What a node needs: a description and the first version that has it, or null when every dialect has it. */
function requirement(n: Ast): [string, '3.0' | '4.0' | '5.0' | '7'] | null {
  switch (n.type) {
    case 'PipelineChainAst':
      return [`the '${n.operator}' pipeline chain operator`, '7'];
    case 'PipelineAst':
      return n.background ? ["the background operator '&'", '7'] : null;
    case 'TernaryExpressionAst':
      return ["the ternary operator '? :'", '7'];
    case 'BinaryExpressionAst':
      if (n.operator === '??') return ["the '??' operator", '7'];
      if (/^-[ci]?(notin|in)$/.test(n.operator)) return [`the '${n.operator}' operator`, '3.0'];
      if (n.operator === '-shl' || n.operator === '-shr') return [`the '${n.operator}' operator`, '3.0'];
      return null;
    case 'AssignmentStatementAst':
      return n.operator === '??=' ? ["the '??=' operator", '7'] : null;
    case 'MemberExpressionAst':
    case 'InvokeMemberExpressionAst':
      return n.nullConditional ? ["the null-conditional operator '?.'", '7'] : null;
    case 'IndexExpressionAst':
      return n.nullConditional ? ["the null-conditional operator '?[]'", '7'] : null;
    case 'NamedBlockAst':
      return n.blockKind === 'clean' ? ["the 'clean' block", '7'] : null;
    case 'TypeDefinitionAst':
      return [n.isEnum ? 'enum definitions' : 'class definitions', '5.0'];
    case 'UsingStatementAst':
      return ["'using' statements", '5.0'];
    case 'ConfigurationDefinitionAst':
      return ['DSC configurations', '4.0'];
    case 'FunctionDefinitionAst':
      return n.isWorkflow ? ['workflows', '3.0'] : null;
    case 'ConvertExpressionAst':
      return n.typeConstraint.typeName.toLowerCase() === 'ordered' ? ['[ordered] hashtables', '3.0'] : null;
    case 'FileRedirectionAst':
    case 'MergingRedirectionAst':
      if (n.fromStream === 'Information') return ["redirecting the information stream ('6>')", '5.0'];
      if (n.fromStream !== 'Output' && n.fromStream !== 'Error') {
        return [`redirecting the ${n.fromStream.toLowerCase()} stream`, '3.0'];
      }
      return null;
    default:
      return null;
  }
}

function lacks(dialect: ParseDialect, since: '3.0' | '4.0' | '5.0' | '7'): boolean {
  if (dialect === '7') return false;
  if (dialect === '5.1') return since === '7';
  return true;
}

/**
 * Text every construct the dialect lacks is written with (5.1 lacks only PowerShell 7's `&&`, `||`, `&`, `?`-operators
 * and `clean`; 7 lacks only workflows): a script without it needs no walk. 2.0 lacks too much to tell by text.
 */
const SPELLED: Readonly<Record<ParseDialect, RegExp | null>> = {
  '2.0': null,
  '5.1': /[?&]|\|\||clean/i,
  '7': /workflow/i,
};

/** The first (leftmost) construct of `root` that `dialect` lacks, as a parse issue; null when it has them all. */
export function checkDialect(root: Ast, dialect: ParseDialect): SemanticIssue | null {
  const spelled = SPELLED[dialect];
  if (spelled !== null && !spelled.test(root.extent.text)) return null;
  let found: SemanticIssue | null = null;
  walkAst(root, (n) => {
    if (found !== null && n.extent.startOffset >= found.offset) return false;
    if (dialect === '7' && n.type === 'FunctionDefinitionAst' && n.isWorkflow) {
      found = { reason: 'Workflow is not supported in PowerShell 6+.', offset: n.extent.startOffset };
      return false;
    }
    const need = requirement(n);
    if (need !== null && lacks(dialect, need[1])) {
      const since = need[1] === '7' ? 'PowerShell 7' : `PowerShell ${need[1]}`;
      found = {
        reason: `${TITLE[dialect]} does not have ${need[0]} (it exists from ${since}).`,
        offset: n.extent.startOffset,
      };
    }
    return true;
  });
  return found;
}
