// Binds a call's arguments to a function's parameters as PowerShell does: named (prefixes, aliases), then positional.
import type { Extent } from '../ast/ast.js';
import { castTo, knownType } from '../runtime/ps-types.js';
import { RuntimeFailure } from '../runtime/runtime-failure.js';
import { isTrue, toStr } from '../runtime/ps-values.js';
import type { CallArgument } from './function-arguments.js';
import type { FunctionSignature, ParamDef } from './function-signature.js';
import type { InterpreterCore } from './interpreter-core.js';

/** The common parameters an advanced function takes and the preference variable each one sets in its scope. */
const COMMON: Readonly<Record<string, string>> = {
  verbose: 'VerbosePreference',
  erroraction: 'ErrorActionPreference',
  warningaction: 'WarningPreference',
};

/** What a call bound: parameter values by declared name, the leftovers (`$args`), and common-parameter preferences. */
export interface BoundCall {
  readonly values: Map<string, unknown>;
  readonly rest: unknown[];
  readonly preferences: Map<string, unknown>;
}

/** One call's binding, with the function name and call site for its errors. */
export class FunctionBinder {
  readonly #core: InterpreterCore;
  readonly #name: string;
  readonly #sig: FunctionSignature;
  readonly #extent: Extent;

  constructor(core: InterpreterCore, name: string, sig: FunctionSignature, extent: Extent) {
    this.#core = core;
    this.#name = name;
    this.#sig = sig;
    this.#extent = extent;
  }

  /** A ParameterBindingException as PowerShell raises it (statement-terminating). */
  fail(errorId: string, message: string, category = 'InvalidArgument'): never {
    return this.#core.errors.raise(
      {
        message,
        category,
        errorId,
        command: this.#name,
        exceptionType: 'System.Management.Automation.ParameterBindingException',
        fullyQualifiedErrorId: `${errorId},${this.#name}`,
      },
      this.#extent,
      'statement',
    );
  }

  #find(written: string): ParamDef | undefined {
    const w = written.toLowerCase();
    const exact = this.#sig.params.find(
      (p) => p.name.toLowerCase() === w || p.aliases.some((a) => a.toLowerCase() === w),
    );
    if (exact) return exact;
    const prefixed = this.#sig.params.filter((p) => p.name.toLowerCase().startsWith(w));
    if (prefixed.length > 1) {
      this.fail(
        'AmbiguousParameter',
        `Parameter cannot be processed because the parameter name '${written}' is ambiguous. Possible matches include: ${prefixed.map((p) => `-${p.name}`).join(' ')}.`,
      );
    }
    return prefixed[0];
  }

  /** Converts and validates a value for a parameter. */
  convert(p: ParamDef, value: unknown): unknown {
    let v = value;
    if (p.isSwitch) v = isTrue(value);
    else if (p.type !== null) {
      try {
        v = castTo(p.type, value, this.#core.operatorCtx);
      } catch (e) {
        if (!(e instanceof RuntimeFailure)) throw e;
        this.fail(
          'ParameterArgumentTransformationError',
          `Cannot process argument transformation on parameter '${p.name}'. ${e.message}`,
        );
      }
    }
    if (p.validateSet && !p.validateSet.some((s) => s.toLowerCase() === toStr(v).toLowerCase())) {
      this.fail(
        'ParameterArgumentValidationError',
        `Cannot validate argument on parameter '${p.name}'. The argument "${toStr(v)}" does not belong to the set "${p.validateSet.join(',')}" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.`,
        'InvalidData',
      );
    }
    if (p.notNullOrEmpty && (v === null || v === '' || (Array.isArray(v) && v.length === 0))) {
      this.fail(
        'ParameterArgumentValidationError',
        `Cannot validate argument on parameter '${p.name}'. The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.`,
        'InvalidData',
      );
    }
    return v;
  }

  /** Binds named arguments; returns the values left for positional binding. */
  #bindNamed(args: readonly CallArgument[], bound: BoundCall): unknown[] {
    const positional: unknown[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a.kind === 'value') {
        positional.push(a.value);
        continue;
      }
      const p = this.#find(a.name);
      if (!p) {
        const common = COMMON[a.name.toLowerCase()];
        if (this.#sig.advanced && common !== undefined) {
          const v = a.value ?? (common === 'VerbosePreference' ? true : args[++i]?.value);
          bound.preferences.set(
            common,
            common === 'VerbosePreference' ? (isTrue(v) ? 'Continue' : 'SilentlyContinue') : v,
          );
        } else if (this.#sig.advanced) {
          this.fail('NamedParameterNotFound', `A parameter cannot be found that matches parameter name '${a.name}'.`);
        } else positional.push(`-${a.name}`);
        continue;
      }
      let value = a.value;
      if (!('value' in a)) {
        const next = args[i + 1];
        if (p.isSwitch) value = true;
        else if (next?.kind === 'value') value = args[++i]!.value;
        else {
          this.fail(
            'MissingArgument',
            `Missing an argument for parameter '${p.name}'. Specify a parameter of type '${p.type === null ? 'System.Object' : castName(p.type)}' and try again.`,
          );
        }
      }
      bound.values.set(p.name, this.convert(p, value));
    }
    return positional;
  }

  /** Binds the call: named, then positional (explicit positions first), then checks mandatory parameters. */
  bind(args: readonly CallArgument[], pipelineBound: readonly string[]): BoundCall {
    const bound: BoundCall = { values: new Map(), rest: [], preferences: new Map() };
    const positional = this.#bindNamed(args, bound);
    const explicit = this.#sig.params.some((p) => p.position !== null);
    const slots = this.#sig.params
      .filter((p) => !p.isSwitch && (explicit ? p.position !== null : true))
      .sort((a, b) => (explicit ? a.position! - b.position! : 0))
      .filter((p) => !bound.values.has(p.name));
    for (const value of positional) {
      const p = slots.shift();
      if (p) bound.values.set(p.name, this.convert(p, value));
      else if (this.#sig.advanced)
        this.fail(
          'PositionalParameterNotFound',
          `A positional parameter cannot be found that accepts argument '${toStr(value)}'.`,
        );
      else bound.rest.push(value);
    }
    const missing = this.#sig.params.filter(
      (p) => p.mandatory && !bound.values.has(p.name) && !pipelineBound.includes(p.name),
    );
    if (missing.length > 0) {
      this.fail(
        'MissingMandatoryParameter',
        `Cannot process command because of one or more missing mandatory parameters: ${missing.map((p) => p.name).join(' ')}.`,
      );
    }
    return bound;
  }
}

function castName(type: string): string {
  return knownType(type) ?? type.trim();
}
