// The subset check of param() blocks and function parameters: the types and attributes the function binder honours.
import type { AttributeAst, ParamBlockAst, ParameterAst } from '../ast/ast.js';
import { KNOWN_ATTRIBUTES, isKnownParameterType } from './function-signature.js';
import type { SubsetWalk } from './subset-walk.js';
import { UnsupportedConstructError } from './unsupported-construct.js';

/** Named arguments of [Parameter()] the binder honours (or that change nothing it does: HelpMessage). */
const PARAMETER_ARGUMENTS = new Set([
  'mandatory',
  'position',
  'valuefrompipeline',
  'valuefrompipelinebypropertyname',
  'helpmessage',
]);

function checkAttribute(a: AttributeAst, allowed: ReadonlySet<string>): void {
  const name = a.typeName.toLowerCase();
  if (!allowed.has(name)) throw new UnsupportedConstructError(`the attribute [${a.typeName}()]`, a.extent);
  const args = name === 'parameter' ? PARAMETER_ARGUMENTS : new Set<string>();
  const bad = a.namedArguments.find((n) => !args.has(n.argumentName.toLowerCase()));
  if (bad) throw new UnsupportedConstructError(`[${a.typeName}(${bad.argumentName})]`, bad.extent);
}

/** Checks each parameter's type, attributes and default value. */
export function checkParameters(params: readonly ParameterAst[], walk: SubsetWalk): void {
  const onParameters = new Set([...KNOWN_ATTRIBUTES].filter((n) => n !== 'cmdletbinding' && n !== 'outputtype'));
  for (const p of params) {
    for (const a of p.attributes) {
      if (a.type === 'TypeConstraintAst') {
        if (!isKnownParameterType(a.typeName))
          throw new UnsupportedConstructError(`the parameter type [${a.typeName}]`, a.extent);
      } else checkAttribute(a, onParameters);
    }
    if (p.defaultValue) walk.visit(p.defaultValue);
  }
}

/** `[CmdletBinding()] param(...)`: [CmdletBinding()] without arguments (no SupportsShouldProcess) and [OutputType()]. */
export function checkParamBlock(block: ParamBlockAst, walk: SubsetWalk): void {
  for (const a of block.attributes) checkAttribute(a, new Set(['cmdletbinding', 'outputtype']));
  checkParameters(block.parameters, walk);
}
