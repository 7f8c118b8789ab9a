// A session's variables: user and automatic variables (case-insensitive), environment variables, scope prefixes.
import { RuntimeFailure } from '../runtime/runtime-failure.js';
import { NO_OUTPUT, normalize, toStr } from '../runtime/ps-values.js';
import { VariableView } from './variable-view.js';
import type { VariableSlot } from './variable-view.js';

/** Variables PowerShell manages itself (left out of InterpretResult.variables). */
const AUTOMATIC = new Set(['true', 'false', 'null', '?', '_', 'psitem', 'error', 'matches', 'psversiontable', 'args',
  'erroractionpreference', 'warningpreference', 'confirmpreference', 'ofs']);
const READ_ONLY = new Set(['true', 'false', '?', 'error', 'psversiontable', 'host']);
/** The slot `$_` (and `$PSItem` where the dialect has it) lives in. */
export const CURRENT_ITEM = '_';

/** What the automatic variables `$?`, `$Error` and `$PSItem` read from the interpreter. */
export interface AutomaticSources {
  success(): boolean;
  errors(): unknown[];
  readonly psItem: boolean;
}

/** The variable name without scope prefix, and whether it is an environment variable. */
function variableName(path: string): { name: string; env: boolean } {
  const m = /^(global|script|local|private|env):(.*)$/is.exec(path);
  if (!m) return { name: path, env: false };
  return { name: m[2]!, env: m[1]!.toLowerCase() === 'env' };
}

/** The variables of one interpreter session. */
export class SessionVariables {
  readonly #vars = new Map<string, VariableSlot>();
  readonly #envVars = new Map<string, { name: string; value: string }>();
  readonly #auto: AutomaticSources;

  constructor(auto: AutomaticSources) {
    this.#auto = auto;
  }

  /** The user's variables (case-insensitive lookups). */
  view(): ReadonlyMap<string, unknown> {
    return new VariableView(this.#vars, AUTOMATIC);
  }

  /** Sets an environment variable as the host gave it. */
  setEnvironment(name: string, value: string): void {
    this.#envVars.set(name.toLowerCase(), { name, value });
  }

  /** A variable by plain name (no scope prefix, no automatic lookups). */
  getRaw(name: string): unknown {
    return this.#vars.get(name.toLowerCase())?.value ?? null;
  }

  /** Sets a variable by plain name, keeping the name as first written. */
  setRaw(name: string, value: unknown): void {
    const lower = name.toLowerCase();
    const existing = this.#vars.get(lower);
    if (existing) existing.value = value;
    else this.#vars.set(lower, { name, value });
  }

  /** `$path` as PowerShell reads it (scope prefixes, `$env:`, automatic variables). */
  get(path: string): unknown {
    const { name, env } = variableName(path);
    const lower = name.toLowerCase();
    if (env) return this.#envVars.get(lower)?.value ?? null;
    switch (lower) {
      case 'true': return true;
      case 'false': return false;
      case 'null': return null;
      case '?': return this.#auto.success();
      case 'error': return this.#auto.errors();
      case 'psitem': return this.#auto.psItem ? this.getRaw(CURRENT_ITEM) : this.getRaw(lower);
      default: return this.getRaw(lower);
    }
  }

  /**
   * `$path = value` as PowerShell assigns it (read-only variables fail, `$null` discards, `$env:x = ''` removes);
   * AutomationNull (an empty pipeline's result) is kept as it is.
   */
  set(path: string, value: unknown): void {
    const { name, env } = variableName(path);
    const lower = name.toLowerCase();
    const v = value === NO_OUTPUT && !env ? NO_OUTPUT : normalize(value);
    if (env) {
      if (v === null || toStr(v) === '') this.#envVars.delete(lower);
      else this.#envVars.set(lower, { name, value: toStr(v) });
      return;
    }
    if (lower === 'null') return;
    if (READ_ONLY.has(lower)) {
      throw new RuntimeFailure(`Cannot overwrite variable ${name} because it is read-only or constant.`, {
        errorId: 'VariableNotWritable', category: 'WriteError',
        exceptionType: 'System.Management.Automation.SessionStateUnauthorizedAccessException',
      });
    }
    this.setRaw(lower === 'psitem' ? CURRENT_ITEM : name, v);
  }
}
