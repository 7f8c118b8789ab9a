// A function's or script block's parameters as declared: param() or `function f($a)`, with their attributes.
import type { AttributeAst, ExpressionAst, ParameterAst, ScriptBlockAst, TypeConstraintAst } from '../ast/ast.js';
import { knownType } from '../runtime/ps-types.js';

/** One declared parameter. */
export interface ParamDef {
  readonly name: string;
  /** The type as written (`[int]`), else null. */
  readonly type: string | null;
  readonly isSwitch: boolean;
  readonly mandatory: boolean;
  /** Position=n when written, else null. */
  readonly position: number | null;
  readonly fromPipeline: boolean;
  readonly fromPipelineByName: boolean;
  readonly aliases: readonly string[];
  readonly validateSet: readonly string[] | null;
  readonly notNullOrEmpty: boolean;
  readonly defaultValue: ExpressionAst | null;
}

/** A parameter list and whether the function is advanced ([CmdletBinding()] or any [Parameter()]). */
export interface FunctionSignature {
  readonly params: readonly ParamDef[];
  readonly advanced: boolean;
}

/** Attribute names the interpreter honours on parameters and param blocks (lower case). */
export const KNOWN_ATTRIBUTES = new Set([
  'parameter',
  'cmdletbinding',
  'alias',
  'validateset',
  'validatenotnullorempty',
  'validatenotnull',
  'outputtype',
]);

/** An attribute argument's constant value ($true/$false, numbers, strings); undefined for anything computed. */
export function constantOf(e: ExpressionAst): unknown {
  switch (e.type) {
    case 'ConstantExpressionAst':
    case 'StringConstantExpressionAst':
      return e.value;
    case 'VariableExpressionAst': {
      const v = e.variablePath.toLowerCase();
      return v === 'true' ? true : v === 'false' ? false : v === 'null' ? null : undefined;
    }
    default:
      return undefined;
  }
}

function named(attr: AttributeAst | undefined, name: string): unknown {
  const arg = attr?.namedArguments.find((a) => a.argumentName.toLowerCase() === name);
  if (!arg) return undefined;
  return arg.expressionOmitted ? true : constantOf(arg.argument);
}

function attribute(p: ParameterAst, name: string): AttributeAst | undefined {
  return p.attributes.find((a): a is AttributeAst => a.type === 'AttributeAst' && a.typeName.toLowerCase() === name);
}

function paramDef(p: ParameterAst): ParamDef {
  const typeAst = p.attributes.find((a): a is TypeConstraintAst => a.type === 'TypeConstraintAst');
  const type = typeAst ? typeAst.typeName : null;
  const parameter = attribute(p, 'parameter');
  const position = named(parameter, 'position');
  const set = attribute(p, 'validateset');
  return {
    name: p.name.variablePath,
    type,
    isSwitch: type !== null && /^(system\.management\.automation\.)?switch(parameter)?$/i.test(type.trim()),
    mandatory: named(parameter, 'mandatory') === true,
    position: typeof position === 'number' ? position : null,
    fromPipeline: named(parameter, 'valuefrompipeline') === true,
    fromPipelineByName: named(parameter, 'valuefrompipelinebypropertyname') === true,
    aliases: (attribute(p, 'alias')?.positionalArguments ?? []).map((a) => String(constantOf(a))),
    validateSet: set ? set.positionalArguments.map((a) => String(constantOf(a))) : null,
    notNullOrEmpty: attribute(p, 'validatenotnullorempty') !== undefined,
    defaultValue: p.defaultValue,
  };
}

/** Whether `[type]` on a parameter is one the binder can convert to. */
export function isKnownParameterType(type: string): boolean {
  return /^(system\.management\.automation\.)?switch(parameter)?$/i.test(type.trim()) || knownType(type) !== undefined;
}

/** The signature of `function f($a) { }` (inline parameters) or of a script block's param() block. */
export function signatureOf(body: ScriptBlockAst, inline: readonly ParameterAst[] | null): FunctionSignature {
  const list = inline ?? body.paramBlock?.parameters ?? [];
  const params = list.map(paramDef);
  const cmdletBinding = (body.paramBlock?.attributes ?? []).some((a) => a.typeName.toLowerCase() === 'cmdletbinding');
  const advanced = cmdletBinding || list.some((p) => attribute(p, 'parameter') !== undefined);
  return { params, advanced };
}
