// A session's variables: user and automatic variables (case-insensitive), environment variables, scope prefixes.
import { RuntimeFailure } from '../runtime/runtime-failure.js';
import { NO_OUTPUT, normalize, toStr } from '../runtime/ps-values.js';
import { VariableView } from './variable-view.js';
import type { VariableSlot } from './variable-view.js';

/** Variables PowerShell manages itself (left out of InterpretResult.variables). */
const AUTOMATIC = new Set([
  'true',
  'false',
  'null',
  '?',
  '_',
  'psitem',
  'error',
  'matches',
  'psversiontable',
  'args',
  'erroractionpreference',
  'warningpreference',
  'confirmpreference',
  'ofs',
  'psscriptroot',
  'pscommandpath',
  'input',
  'psboundparameters',
]);
const READ_ONLY = new Set(['true', 'false', '?', 'error', 'psversiontable', 'host']);
/** The slot `$_` (and `$PSItem` where the dialect has it) lives in. */
export const CURRENT_ITEM = '_';

/** What the automatic variables `$?`, `$Error` and `$PSItem` read from the interpreter. */
export interface AutomaticSources {
  success(): boolean;
  errors(): unknown[];
  readonly psItem: boolean;
}

/** Where top-level statements run: a script's own scope (`.\x.ps1` at the EMS prompt) or the global scope (the prompt). */
export type TopScope = 'script' | 'global';

/** The variable name without scope prefix, whether it is an environment variable, and whether it names the global scope. */
function variableName(path: string): { name: string; env: boolean; global: boolean; script: boolean } {
  const m = /^(global|script|local|private|env):(.*)$/is.exec(path);
  if (!m) return { name: path, env: false, global: false, script: false };
  const scope = m[1]!.toLowerCase();
  return { name: m[2]!, env: scope === 'env', global: scope === 'global', script: scope === 'script' };
}

/**
 * The variables of one interpreter session: the global scope and, for a script, the script's scope above it
 * (an assignment without `global:` creates the variable in the script's scope; reads fall back to the global one).
 */
export class SessionVariables {
  readonly #global = new Map<string, VariableSlot>();
  readonly #script: Map<string, VariableSlot> | null;
  readonly #envVars = new Map<string, { name: string; value: string }>();
  readonly #auto: AutomaticSources;
  /** The scopes of running functions and `&` script blocks, innermost last. */
  readonly #locals: Map<string, VariableSlot>[] = [];

  constructor(auto: AutomaticSources, scope: TopScope = 'global') {
    this.#auto = auto;
    this.#script = scope === 'script' ? new Map() : null;
  }

  /** The user's variables of both scopes, the script's shadowing the global ones (case-insensitive lookups). */
  /** Runs `body` in a new child scope (a function or a script block called with `&`). */
  async inChildScope<T>(body: () => Promise<T>): Promise<T> {
    this.#locals.push(new Map());
    try {
      return await body();
    } finally {
      this.#locals.pop();
    }
  }

  /** Sets a variable in the current (innermost) scope, even when an outer scope has one of that name. */
  setLocal(name: string, value: unknown): void {
    SessionVariables.#put(this.#current(), name, value);
  }

  #current(): Map<string, VariableSlot> {
    return this.#locals[this.#locals.length - 1] ?? this.#script ?? this.#global;
  }

  #lookup(lower: string): VariableSlot | undefined {
    for (let i = this.#locals.length - 1; i >= 0; i--) {
      const slot = this.#locals[i]!.get(lower);
      if (slot) return slot;
    }
    return this.#script?.get(lower) ?? this.#global.get(lower);
  }

  view(): ReadonlyMap<string, unknown> {
    return new VariableView(this.#script ? new Map([...this.#global, ...this.#script]) : this.#global, AUTOMATIC);
  }

  /** A variable of the global scope only: what functions of a module (the EMS's proxy functions) see. */
  getGlobal(name: string): unknown {
    return this.#global.get(name.toLowerCase())?.value ?? null;
  }

  /** Sets a variable in the global scope (automatic and preset variables). */
  setGlobal(name: string, value: unknown): void {
    SessionVariables.#put(this.#global, name, value);
  }

  static #put(scope: Map<string, VariableSlot>, name: string, value: unknown): void {
    const lower = name.toLowerCase();
    const existing = scope.get(lower);
    if (existing) existing.value = value;
    else scope.set(lower, { name, value });
  }

  /** Sets an environment variable as the host gave it. */
  setEnvironment(name: string, value: string): void {
    this.#envVars.set(name.toLowerCase(), { name, value });
  }

  /** A variable by plain name (no scope prefix, no automatic lookups). */
  getRaw(name: string): unknown {
    return this.#lookup(name.toLowerCase())?.value ?? null;
  }

  /**
   * Sets a variable by plain name in the current scope, keeping the name as first written (PowerShell creates a new
   * variable in a function's scope rather than changing the caller's).
   */
  setRaw(name: string, value: unknown): void {
    SessionVariables.#put(this.#current(), name, value);
  }

  /** `$path` as PowerShell reads it (scope prefixes, `$env:`, automatic variables). */
  get(path: string): unknown {
    const { name, env, global, script } = variableName(path);
    const lower = name.toLowerCase();
    if (env) return this.#envVars.get(lower)?.value ?? null;
    if (global && !['true', 'false', 'null', '?', 'error'].includes(lower)) return this.getGlobal(lower);
    if (script && this.#script) return this.#script.get(lower)?.value ?? this.getGlobal(lower);
    switch (lower) {
      case 'true':
        return true;
      case 'false':
        return false;
      case 'null':
        return null;
      case '?':
        return this.#auto.success();
      case 'error':
        return this.#auto.errors();
      case 'psitem':
        return this.#auto.psItem ? this.getRaw(CURRENT_ITEM) : this.getRaw(lower);
      default:
        return this.getRaw(lower);
    }
  }

  /**
   * `$path = value` as PowerShell assigns it (read-only variables fail, `$null` discards, `$env:x = ''` removes);
   * AutomationNull (an empty pipeline's result) is kept as it is.
   */
  set(path: string, value: unknown): void {
    const { name, env, global, script } = variableName(path);
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
        errorId: 'VariableNotWritable',
        category: 'WriteError',
        exceptionType: 'System.Management.Automation.SessionStateUnauthorizedAccessException',
      });
    }
    const slot = lower === 'psitem' ? CURRENT_ITEM : name;
    if (global || (script && !this.#script)) this.setGlobal(slot, v);
    else if (script) SessionVariables.#put(this.#script!, slot, v);
    else this.setRaw(slot, v);
  }
}
