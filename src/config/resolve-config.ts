// Where the default backend and the state folder come from: option, environment, config file, built-in default.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ValidationError } from '../errors/validation-error.js';
import { configSchema } from './config-schema.js';
import type { ExchcertConfig } from './config-schema.js';
import { parseStructured, validateStructured } from './structured-document.js';

/** The name of the stand-alone config file, looked up in the working directory. */
export const CONFIG_FILE = 'exchcert.config.json';
/** The default backend when nothing else names one. */
export const DEFAULT_BACKEND = 'mock';
/** The default state folder, relative to the working directory. */
export const DEFAULT_STATE = '.exchcert';

/** Where a setting in force came from. */
export type SettingSource = 'option' | 'environment' | 'config' | 'default';

/** One setting and where it came from (`origin` names the option, variable or file). */
export interface Setting<T> {
  readonly value: T;
  readonly source: SettingSource;
  readonly origin: string;
}

/** Everything resolved: the settings in force and the config file read, if any. */
export interface ResolvedConfig {
  readonly backend: Setting<string>;
  readonly state: Setting<string>;
  readonly connect: Setting<string> | null;
  readonly servers: Setting<readonly string[]> | null;
  /** The file the config came from, with the key (`exchcert` for package.json), or null. */
  readonly configFile: string | null;
}

/** What the resolution looks at. */
export interface ConfigInputs {
  readonly backend?: string | undefined;
  readonly state?: string | undefined;
  readonly connect?: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/**
 * Reads the config file in `cwd`: exchcert.config.json, else the `exchcert` key of package.json; null when neither.
 * @example readConfigFile(process.cwd())?.config.backend
 */
export function readConfigFile(cwd: string): { readonly file: string; readonly config: ExchcertConfig } | null {
  const own = join(cwd, CONFIG_FILE);
  if (existsSync(own)) {
    const doc = parseStructured(readText(own), CONFIG_FILE);
    return { file: CONFIG_FILE, config: validateStructured(doc, configSchema) };
  }
  const pkg = join(cwd, 'package.json');
  if (!existsSync(pkg)) return null;
  const doc = parseStructured(readText(pkg), 'package.json');
  const value = doc.value as Record<string, unknown> | null;
  if (value === null || typeof value !== 'object' || !('exchcert' in value)) return null;
  return { file: 'package.json#exchcert', config: validateStructured(doc, configSchema, ['exchcert']) };
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new ValidationError({
      code: 'CONFIG_FILE',
      parameter: 'config',
      value: path,
      allowed: 'a readable file',
      message: `Cannot read config file '${path}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`,
    });
  }
}

/** One setting: `--name`, then EXCHCERT_NAME, then the config file; null when none gives it. */
function pick(
  name: 'backend' | 'state' | 'connect',
  inputs: ConfigInputs,
  config: { readonly [K in 'backend' | 'state' | 'connect']?: string | undefined },
  file: string | null,
): Setting<string> | null {
  const envName = `EXCHCERT_${name.toUpperCase()}`;
  const option = nonEmpty(inputs[name]);
  if (option !== undefined) return { value: option, source: 'option', origin: `--${name}` };
  const envValue = nonEmpty(inputs.env[envName]);
  if (envValue !== undefined) return { value: envValue, source: 'environment', origin: envName };
  const fromFile = config[name];
  if (fromFile !== undefined && file !== null) return { value: fromFile, source: 'config', origin: file };
  return null;
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v === '' ? undefined : v;
}

/**
 * Resolves backend, state folder, connected server and servers: `--backend` > EXCHCERT_BACKEND > config > mock;
 * `--state` > EXCHCERT_STATE > config > ./.exchcert (relative paths resolved against `cwd`).
 * @example resolveConfig({ env: process.env, cwd: process.cwd() }).backend // { value: 'mock', source: 'default', origin: 'built-in' }
 */
export function resolveConfig(inputs: ConfigInputs): ResolvedConfig {
  const found = readConfigFile(inputs.cwd);
  const file = found?.file ?? null;
  const config = found?.config ?? {};
  const backend = pick('backend', inputs, config, file) ?? {
    value: DEFAULT_BACKEND,
    source: 'default' as const,
    origin: 'built-in',
  };
  const state = pick('state', inputs, config, file) ?? {
    value: DEFAULT_STATE,
    source: 'default' as const,
    origin: 'built-in',
  };
  const connect = pick('connect', inputs, config, file);
  const servers =
    config.servers !== undefined && file !== null
      ? { value: config.servers, source: 'config' as const, origin: file }
      : null;
  return {
    backend,
    state: { ...state, value: resolve(inputs.cwd, state.value) },
    connect,
    servers,
    configFile: file,
  };
}
