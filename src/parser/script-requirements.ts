// `#requires` comments read as PowerShell does: each is parsed as a command `requires -Parameter value ...`.
import type { CommandAst, ExpressionAst, ScriptRequirements } from '../ast/ast.js';
import type { SemanticIssue } from './semantic-checks.js';

const INVALID_FORMAT = [
  'Cannot process the #requires statement because it is not in the correct format.',
  'The #requires statement must be in one of the following formats:',
  ' "#requires -shellid <shellID>"',
  ' "#requires -version <major.minor>"',
  ' "#requires -psedition <edition>"',
  ' "#requires -pssnapin <psSnapInName> [-version <major.minor>]"',
  ' "#requires -modules <ModuleSpecification>"',
  ' "#requires -runasadministrator"',
].join('\n');

const PARAMETERS = [
  'shellid',
  'version',
  'psedition',
  'pssnapin',
  'modules',
  'runasadministrator',
  'assembly',
] as const;

function words(e: ExpressionAst): string[] {
  if (e.type === 'ArrayLiteralAst') return e.elements.flatMap(words);
  return [e.type === 'StringConstantExpressionAst' ? e.value : e.extent.text];
}

/** Requirements of the `#requires` commands (in source order), or the first issue PowerShell reports for them. */
export function readRequirements(commands: readonly CommandAst[]): ScriptRequirements | SemanticIssue {
  const r = {
    requiredPSVersion: null as string | null,
    requiredPSEditions: [] as string[],
    requiredModules: [] as ExpressionAst[],
    requiredPSSnapIns: [] as string[],
    requiredAssemblies: [] as string[],
    requiredApplicationId: null as string | null,
    isElevationRequired: false,
  };
  for (const c of commands) {
    const [name, ...rest] = c.commandElements;
    if (name === undefined) continue;
    if (name.type !== 'StringConstantExpressionAst' || name.value.toLowerCase() !== 'requires') {
      return { reason: INVALID_FORMAT, offset: name.extent.startOffset };
    }
    for (let i = 0; i < rest.length; i++) {
      const p = rest[i]!;
      if (p.type !== 'CommandParameterAst') return { reason: INVALID_FORMAT, offset: p.extent.startOffset };
      const which = PARAMETERS.find((k) => k === p.parameterName.toLowerCase());
      let argument = p.argument;
      if (argument === null && which !== 'runasadministrator') {
        const next = rest[i + 1];
        if (next !== undefined && next.type !== 'CommandParameterAst') {
          argument = next;
          i++;
        }
      }
      if (which === undefined) return { reason: INVALID_FORMAT, offset: p.extent.startOffset };
      if (which === 'runasadministrator') {
        r.isElevationRequired = true;
        continue;
      }
      if (argument === null) {
        return { reason: `Parameter ${p.parameterName} requires an argument.`, offset: p.extent.startOffset };
      }
      const values = words(argument);
      switch (which) {
        case 'version':
          if (!/^\d+(\.\d+){0,3}$/.test(values[0] ?? '')) {
            return {
              reason:
                'The argument for the Version parameter is not valid. Specify a valid PowerShell version, in the format major.minor version.',
              offset: argument.extent.startOffset,
            };
          }
          r.requiredPSVersion = /^\d+$/.test(values[0]!) ? `${values[0]}.0` : values[0]!;
          break;
        case 'psedition':
          r.requiredPSEditions.push(...values);
          break;
        case 'modules':
          r.requiredModules.push(...(argument.type === 'ArrayLiteralAst' ? argument.elements : [argument]));
          break;
        case 'pssnapin':
          r.requiredPSSnapIns.push(...values);
          break;
        case 'assembly':
          r.requiredAssemblies.push(...values);
          break;
        case 'shellid':
          r.requiredApplicationId = values[0] ?? null;
          break;
      }
    }
  }
  return r;
}
