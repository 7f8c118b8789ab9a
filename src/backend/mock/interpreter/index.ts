// Public surface of the mock shell's runbook interpreter.
export { interpret, createInterpreterSession } from './interpret.js';
export type { InterpretResult, InterpreterEnv, InterpreterHost, InterpreterSession } from './interpreter-env.js';
export { formatForHost, formatLinesForHost, formatListLines, formatTableLines, isExchangeCertificate, servicesLetters } from '../../../format/format-output.js';
export { interpreterDialect } from './interpreter-dialect.js';
export type { InterpreterDialect } from './interpreter-dialect.js';
export { PsHashtable } from './ps-hashtable.js';
export { ScriptBlockValue } from './script-block-value.js';
export { PsErrorRecord } from './ps-error-record.js';
export { UnsupportedConstructError } from './unsupported-construct.js';
