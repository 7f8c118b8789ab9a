// Configuration shared by the CLI, the workflows and (later) the simulated PowerShell module.
export { resolveConfig, readConfigFile, CONFIG_FILE, DEFAULT_BACKEND, DEFAULT_STATE } from './resolve-config.js';
export type { ResolvedConfig, Setting, SettingSource, ConfigInputs } from './resolve-config.js';
export { configSchema } from './config-schema.js';
export type { ExchcertConfig } from './config-schema.js';
export { parseStructured, validateStructured } from './structured-document.js';
export type { StructuredDocument } from './structured-document.js';
