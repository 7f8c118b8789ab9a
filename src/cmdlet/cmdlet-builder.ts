import type { Invocation, ParameterValue } from '../node/invocation.js';
import type { CmdletSpec, ParameterSpec } from '../spec/cmdlet-spec.js';
import type { OptionsOf } from './option-types.js';
import { validateOptions } from './validate-options.js';

const BUILDER = Symbol.for('exchcert.builder');

/**
 * An immutable, validated cmdlet call built from a spec table; every method returns a new builder.
 * @example
 * const b = newExchangeCertificate({ generateRequest: true, subjectName: 'CN=mail.contoso.com' });
 * b.with({ keySize: 4096 }).parameters.keySize // 4096
 */
export class CmdletBuilder<S extends CmdletSpec = CmdletSpec> implements Invocation {
  readonly [BUILDER] = true;
  readonly spec: S;
  readonly cmdlet: string;
  readonly parameterSet: string;
  readonly parameters: Readonly<Record<string, ParameterValue>>;
  /** Mandatory parameters left for pipeline input; render refuses the command unless it is piped into. */
  readonly awaitingPipeline: readonly ParameterSpec[];
  /** Why the command cannot run outside a pipeline, if it cannot. */
  readonly standaloneError: Error | undefined;
  readonly #options: Readonly<OptionsOf<S>>;

  constructor(spec: S, options: OptionsOf<S>) {
    const validated = validateOptions(spec, options as Record<string, unknown>);
    this.spec = spec;
    this.cmdlet = spec.name;
    this.parameterSet = validated.parameterSet;
    this.parameters = validated.parameters;
    this.awaitingPipeline = validated.awaitingPipeline;
    this.standaloneError = validated.standaloneError;
    this.#options = Object.freeze({ ...options });
    Object.freeze(this);
  }

  /** A new builder with these options added or replaced (`undefined` removes one). */
  with(options: OptionsOf<S>): CmdletBuilder<S> {
    return new CmdletBuilder(this.spec, { ...this.#options, ...options });
  }

  /** The options this builder was made from. */
  get options(): Readonly<OptionsOf<S>> {
    return this.#options;
  }

  /** The plain invocation (cmdlet, parameterSet, parameters), as `bind` returns it. */
  toInvocation(): Invocation {
    return Object.freeze({ cmdlet: this.cmdlet, parameterSet: this.parameterSet, parameters: this.parameters });
  }
}

/** True for any cmdlet builder. */
export function isCmdletBuilder(value: unknown): value is CmdletBuilder {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BUILDER] === true;
}
