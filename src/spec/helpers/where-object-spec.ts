import { defineCmdlet, param } from '../cmdlet-spec.js';
import type { ParameterSpec } from '../cmdlet-spec.js';

const v3: readonly ['5.1', '7'] = ['5.1', '7'];

// The simplified-syntax operators of Where-Object (3.0+): [switch, set name, aliases].
const OPERATORS: readonly (readonly [string, string, readonly string[]])[] = [
  ['EQ', 'EqualSet', ['IEQ']],
  ['CEQ', 'CaseSensitiveEqualSet', []],
  ['NE', 'NotEqualSet', ['INE']],
  ['CNE', 'CaseSensitiveNotEqualSet', []],
  ['GT', 'GreaterThanSet', ['IGT']],
  ['CGT', 'CaseSensitiveGreaterThanSet', []],
  ['LT', 'LessThanSet', ['ILT']],
  ['CLT', 'CaseSensitiveLessThanSet', []],
  ['GE', 'GreaterOrEqualSet', ['IGE']],
  ['CGE', 'CaseSensitiveGreaterOrEqualSet', []],
  ['LE', 'LessOrEqualSet', ['ILE']],
  ['CLE', 'CaseSensitiveLessOrEqualSet', []],
  ['Like', 'LikeSet', ['ILike']],
  ['CLike', 'CaseSensitiveLikeSet', []],
  ['NotLike', 'NotLikeSet', ['INotLike']],
  ['CNotLike', 'CaseSensitiveNotLikeSet', []],
  ['Match', 'MatchSet', ['IMatch']],
  ['CMatch', 'CaseSensitiveMatchSet', []],
  ['NotMatch', 'NotMatchSet', ['INotMatch']],
  ['CNotMatch', 'CaseSensitiveNotMatchSet', []],
  ['Contains', 'ContainsSet', ['IContains']],
  ['CContains', 'CaseSensitiveContainsSet', []],
  ['NotContains', 'NotContainsSet', ['INotContains']],
  ['CNotContains', 'CaseSensitiveNotContainsSet', []],
  ['In', 'InSet', ['IIn']],
  ['CIn', 'CaseSensitiveInSet', []],
  ['NotIn', 'NotInSet', ['INotIn']],
  ['CNotIn', 'CaseSensitiveNotInSet', []],
  ['Is', 'IsSet', []],
  ['IsNot', 'IsNotSet', []],
];
const OP_SETS = OPERATORS.map((o) => o[1]);

const operatorParameters: ParameterSpec[] = OPERATORS.map(([name, set, aliases]) =>
  // -EQ is optional in EqualSet so that `Where-Object Prop` binds there; the others select their set.
  param(name, 'SwitchParameter', { sets: [set], mandatory: name !== 'EQ', aliases, shells: v3 }),
);

/** Where-Object, script-block and simplified syntax. */
export const whereObjectSpec = defineCmdlet({
  name: 'Where-Object',
  kind: 'helper',
  synopsis: 'Filters objects by a condition.',
  sets: ['ScriptBlockSet', ...OP_SETS],
  defaultSet: 'EqualSet',
  parameters: [
    param('InputObject', 'Object', { pipeline: 'value' }),
    param('FilterScript', 'ScriptBlock', { sets: ['ScriptBlockSet'], mandatory: true, position: 0 }),
    param('Property', 'String', { sets: OP_SETS, mandatory: true, position: 0, shells: v3 }),
    param('Value', 'Object', { sets: OP_SETS, position: 1, shells: v3 }),
    ...operatorParameters,
  ],
});
