import { param } from './cmdlet-spec.js';
import type { ParameterSpec } from './cmdlet-spec.js';
import { ACTION_PREFERENCES } from './ps-type.js';

const v5: readonly ['5.1', '7'] = ['5.1', '7'];
const v7: readonly ['7'] = ['7'];

// The common parameters [CmdletBinding()] adds, with the shells that have them.
const COMMON_TABLE = [
  param('Verbose', 'SwitchParameter', { aliases: ['vb'] }),
  param('Debug', 'SwitchParameter', { aliases: ['db'] }),
  param('ErrorAction', 'ActionPreference', { aliases: ['ea'], accepted: ACTION_PREFERENCES }),
  param('WarningAction', 'ActionPreference', { aliases: ['wa'], accepted: ACTION_PREFERENCES }),
  param('InformationAction', 'ActionPreference', { aliases: ['infa'], accepted: ACTION_PREFERENCES, shells: v5 }),
  param('ProgressAction', 'ActionPreference', { aliases: ['proga'], accepted: ACTION_PREFERENCES, shells: v7 }),
  param('ErrorVariable', 'String', { aliases: ['ev'] }),
  param('WarningVariable', 'String', { aliases: ['wv'] }),
  param('InformationVariable', 'String', { aliases: ['iv'], shells: v5 }),
  param('OutVariable', 'String', { aliases: ['ov'] }),
  param('OutBuffer', 'Int32', { aliases: ['ob'] }),
  param('PipelineVariable', 'String', { aliases: ['pv'], shells: v5 }),
] as const;
const COMMON: readonly ParameterSpec[] = COMMON_TABLE.map((p) => Object.freeze({ ...p, common: true }));

/** The common parameters' spec lines as types (builders derive their common options from them). */
export type CommonParameterSpecs = typeof COMMON_TABLE;

/** Common parameters of every advanced cmdlet. */
export const COMMON_PARAMETERS: readonly ParameterSpec[] = Object.freeze(COMMON);

/** -WhatIf and -Confirm, which SupportsShouldProcess adds. */
const SHOULD_PROCESS_TABLE = [
  param('WhatIf', 'SwitchParameter', { aliases: ['wi'] }),
  param('Confirm', 'SwitchParameter', { aliases: ['cf'] }),
] as const;
export const SHOULD_PROCESS_PARAMETERS: readonly ParameterSpec[] = Object.freeze([...SHOULD_PROCESS_TABLE]);

/** -WhatIf and -Confirm's spec lines as types. */
export type ShouldProcessParameterSpecs = typeof SHOULD_PROCESS_TABLE;
