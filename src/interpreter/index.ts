// Public surface of the mock shell's runbook interpreter.
export { interpret, createInterpreterSession } from './interpret.js';
export type { InterpretResult, InterpreterEnv, InterpreterHost, InterpreterSession } from './interpreter-env.js';
export {
  formatForHost,
  formatLinesForHost,
  formatListLines,
  formatTableLines,
  isCertificateObject,
  servicesLetters,
} from '../format/format-output.js';
export { interpreterDialect } from '../runtime/interpreter-dialect.js';
export type { InterpreterDialect } from '../runtime/interpreter-dialect.js';
export { PsHashtable } from '../runtime/ps-hashtable.js';
export { ScriptBlockValue } from '../runtime/script-block-value.js';
export { PsErrorRecord } from '../runtime/ps-error-record.js';
export { UnsupportedConstructError } from './unsupported-construct.js';
