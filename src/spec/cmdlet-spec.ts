import type { Availability } from './exchange-target.js';
import { ALL_VERSIONS } from './exchange-target.js';
import type { PsType } from './ps-type.js';
import type { ShellAvailability } from './shell-version.js';
import { ALL_SHELLS } from './shell-version.js';

/** How a parameter takes pipeline input. */
export type PipelineBinding = 'value' | 'property' | 'both';

/** One parameter of a cmdlet, as declared in a spec table (one line each). */
export interface ParameterSpec<
  N extends string = string,
  T extends PsType = PsType,
  B extends PipelineBinding | undefined = PipelineBinding | undefined,
> {
  /** PowerShell name, e.g. `SubjectName`. */
  readonly name: N;
  /** Builder option name, e.g. `subjectName`. */
  readonly option: string;
  readonly type: T;
  /** Parameter sets the parameter belongs to; empty means all of them ("(All)"). */
  readonly sets: readonly string[];
  readonly mandatory: boolean;
  /** Zero-based position (PowerShell's own numbering), or undefined when named only. */
  readonly position: number | undefined;
  readonly pipeline: B;
  readonly aliases: readonly string[];
  /** Values a parameter accepts (enum names or numbers), checked by builders and the binder. */
  readonly accepted: readonly (string | number)[] | undefined;
  /** Exchange versions that have the parameter. */
  readonly exchange: Availability;
  /** Shells that have the parameter (helper cmdlets only differ here). */
  readonly shells: ShellAvailability;
  /** True for SecureString parameters: values are secrets. */
  readonly secret: boolean;
  /** True for common parameters added by [CmdletBinding()] rather than declared by the cmdlet. */
  readonly common: boolean;
  /** Limits the server enforces later (lint warnings and mock errors, never builder errors). */
  readonly serverLimits?: { readonly maxLength?: number };
  /** One line: what the parameter does (CLI help). */
  readonly summary?: string;
  /** What to write instead on targets that lack the parameter. */
  readonly instead?: string;
  /** Extra value check beyond the type (e.g. thumbprint syntax). */
  readonly format?: ValueFormat;
}

/** Value syntaxes checked by builders and lint beyond the .NET type. */
export type ValueFormat = 'thumbprint' | 'dnsName' | 'certificateIdentity';

/** A whole cmdlet: the single source of truth for builders, binder, lint, CLI and stubs. */
export interface CmdletSpec<P extends readonly ParameterSpec[] = readonly ParameterSpec[]> {
  readonly name: string;
  /** `New-ExchangeCertificate` -> `NewExchangeCertificate` (used in error ids). */
  readonly className: string;
  readonly kind: 'exchange' | 'helper';
  readonly sets: readonly string[];
  readonly defaultSet: string;
  readonly supportsShouldProcess: boolean;
  readonly confirmImpact: 'Low' | 'Medium' | 'High';
  readonly parameters: P;
  /** Exchange versions that have the cmdlet itself. */
  readonly exchange: Availability;
  readonly shells: ShellAvailability;
  readonly synopsis: string;
}

/** The parameter's options in a spec table line. */
/** The pipeline binding an options literal names (undefined: none), kept as a type so builders know it. */
type PipelineOf<O extends ParameterOptions> = O extends { pipeline: infer B extends PipelineBinding } ? B : undefined;

export interface ParameterOptions {
  sets?: readonly string[];
  mandatory?: boolean;
  position?: number;
  pipeline?: PipelineBinding;
  aliases?: readonly string[];
  accepted?: readonly (string | number)[];
  exchange?: Availability;
  shells?: ShellAvailability;
  serverLimits?: { maxLength?: number };
  summary?: string;
  instead?: string;
  format?: ValueFormat;
}

/** The option name of a PowerShell parameter name, as a type (`EQ` -> `eq`, `SubjectName` -> `subjectName`). */
export type OptionName<N extends string> = N extends Uppercase<N> ? Lowercase<N> : Uncapitalize<N>;

/** camelCase of a PowerShell name: `PrivateKeyExportable` -> `privateKeyExportable`; all-capital names (`EQ`) lower-case. */
export function optionName<N extends string>(psName: N): OptionName<N> {
  const name =
    psName === psName.toUpperCase() ? psName.toLowerCase() : psName.charAt(0).toLowerCase() + psName.slice(1);
  return name as OptionName<N>;
}

/** The empty list every parameter without sets or aliases shares (frozen, as the copies are). */
const NONE: readonly never[] = Object.freeze([]);

/** A frozen copy of `items`, or the shared empty list: hundreds of table lines are built at every start. */
function frozenList<T>(items: readonly T[] | undefined): readonly T[] {
  return items !== undefined && items.length > 0 ? Object.freeze([...items]) : NONE;
}

/** One spec-table line (the optional fields set one by one: object spreads cost more at start than the table itself). */
export function param<const N extends string, const T extends PsType, O extends ParameterOptions = ParameterOptions>(
  name: N,
  type: T,
  options: O = {} as O,
): ParameterSpec<N, T, PipelineOf<O>> {
  const spec: { -readonly [K in keyof ParameterSpec]: ParameterSpec[K] } = {
    name,
    option: optionName(name),
    type,
    sets: frozenList(options.sets),
    mandatory: options.mandatory ?? false,
    position: options.position,
    pipeline: options.pipeline as PipelineOf<O>,
    aliases: frozenList(options.aliases),
    accepted: options.accepted ? Object.freeze([...options.accepted]) : undefined,
    exchange: options.exchange ?? ALL_VERSIONS,
    shells: options.shells ?? ALL_SHELLS,
    secret: type === 'SecureString',
    common: false,
  };
  if (options.serverLimits) spec.serverLimits = Object.freeze({ ...options.serverLimits });
  if (options.summary) spec.summary = options.summary;
  if (options.instead) spec.instead = options.instead;
  if (options.format) spec.format = options.format;
  return Object.freeze(spec) as ParameterSpec<N, T, PipelineOf<O>>;
}

/** Declares a cmdlet table. */
export function defineCmdlet<const P extends readonly ParameterSpec[]>(def: {
  name: string;
  kind: 'exchange' | 'helper';
  sets: readonly string[];
  defaultSet: string;
  supportsShouldProcess?: boolean;
  confirmImpact?: 'Low' | 'Medium' | 'High';
  parameters: P;
  exchange?: Availability;
  shells?: ShellAvailability;
  synopsis: string;
}): CmdletSpec<P> {
  for (const p of def.parameters) {
    for (const s of p.sets) {
      if (!def.sets.includes(s)) throw new Error(`${def.name}: parameter ${p.name} names unknown set ${s}`);
    }
  }
  return Object.freeze({
    name: def.name,
    className: def.name.replace('-', ''),
    kind: def.kind,
    sets: Object.freeze([...def.sets]),
    defaultSet: def.defaultSet,
    supportsShouldProcess: def.supportsShouldProcess ?? false,
    confirmImpact: def.confirmImpact ?? 'Medium',
    parameters: Object.freeze([...def.parameters]) as unknown as P,
    exchange: def.exchange ?? ALL_VERSIONS,
    shells: def.shells ?? ALL_SHELLS,
    synopsis: def.synopsis,
  });
}

/** The sets a parameter is in (resolving "all"). */
export function setsOf(cmdlet: CmdletSpec, p: ParameterSpec): readonly string[] {
  return p.sets.length === 0 ? cmdlet.sets : p.sets;
}

/** A cmdlet's parameter by exact PowerShell name or option name (case-insensitive). */
export function parameterNamed(cmdlet: CmdletSpec, name: string): ParameterSpec | undefined {
  const lower = name.toLowerCase();
  return cmdlet.parameters.find((p) => p.name.toLowerCase() === lower || p.option.toLowerCase() === lower);
}
