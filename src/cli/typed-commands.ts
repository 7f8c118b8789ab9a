import type { CmdletSpec, ParameterSpec } from '../spec/cmdlet-spec.js';
import { enableExchangeCertificateSpec } from '../spec/cmdlets/enable-exchange-certificate-spec.js';
import { exportExchangeCertificateSpec } from '../spec/cmdlets/export-exchange-certificate-spec.js';
import { getExchangeCertificateSpec } from '../spec/cmdlets/get-exchange-certificate-spec.js';
import { importExchangeCertificateSpec } from '../spec/cmdlets/import-exchange-certificate-spec.js';
import { newExchangeCertificateSpec } from '../spec/cmdlets/new-exchange-certificate-spec.js';
import { removeExchangeCertificateSpec } from '../spec/cmdlets/remove-exchange-certificate-spec.js';
import { COMMON_PARAMETERS } from '../spec/common-parameters.js';
import { kebabCase } from './kebab-case.js';
import { PS_TYPE_INFO } from '../spec/ps-type-info.js';
import type { CliOptionKind } from '../spec/ps-type-info.js';

/** A CLI subcommand that runs one cmdlet. */
export interface TypedCommand {
  readonly name: string;
  readonly spec: CmdletSpec;
  readonly describe: string;
  /** Sets whose parameters the subcommand offers. */
  readonly sets: readonly string[] | null;
  /** Options always given. */
  readonly fixed: Readonly<Record<string, unknown>>;
  readonly exclude: readonly string[];
}

export const TYPED_COMMANDS: readonly TypedCommand[] = Object.freeze([
  {
    name: 'new-request',
    spec: newExchangeCertificateSpec,
    describe: 'New-ExchangeCertificate -GenerateRequest: a certificate request for a CA',
    sets: ['Request'],
    fixed: { generateRequest: true },
    exclude: ['GenerateRequest', 'Instance'],
  },
  {
    name: 'new-selfsigned',
    spec: newExchangeCertificateSpec,
    describe: 'New-ExchangeCertificate: a self-signed certificate',
    sets: ['Certificate'],
    fixed: {},
    exclude: ['Instance'],
  },
  {
    name: 'import',
    spec: importExchangeCertificateSpec,
    describe: 'Import-ExchangeCertificate: install a certificate or PFX, or complete a request',
    sets: ['FileData', 'FileName'],
    fixed: {},
    exclude: ['Instance'],
  },
  {
    name: 'enable',
    spec: enableExchangeCertificateSpec,
    describe: 'Enable-ExchangeCertificate: assign services',
    sets: null,
    fixed: {},
    exclude: [],
  },
  {
    name: 'export',
    spec: exportExchangeCertificateSpec,
    describe: 'Export-ExchangeCertificate: a PFX backup or the request text',
    sets: null,
    fixed: {},
    exclude: [],
  },
  {
    name: 'get',
    spec: getExchangeCertificateSpec,
    describe: 'Get-ExchangeCertificate: list certificates and requests',
    sets: null,
    fixed: {},
    exclude: ['Instance'],
  },
  {
    name: 'remove',
    spec: removeExchangeCertificateSpec,
    describe: 'Remove-ExchangeCertificate: delete a certificate or request',
    sets: null,
    fixed: {},
    exclude: [],
  },
]);

/** How a CLI option's text becomes a builder value. */
export type OptionKind = CliOptionKind;

/** One `--kebab-case` option of a typed subcommand, from its table line. */
export interface CliOption {
  readonly flag: string;
  readonly parameter: ParameterSpec;
  readonly kind: OptionKind;
  readonly describe: string;
}

const COMMON_FOR_CLI = new Set(['ErrorAction', 'WarningAction']);

/** The options of a typed subcommand, derived from its cmdlet table (Password excepted: never an option value). */
export function cliOptions(cmd: TypedCommand): readonly CliOption[] {
  const own = cmd.spec.parameters.filter(
    (p) =>
      !cmd.exclude.includes(p.name) &&
      p.type !== 'SecureString' &&
      (cmd.sets === null || p.sets.length === 0 || p.sets.some((s) => cmd.sets!.includes(s))),
  );
  const common = COMMON_PARAMETERS.filter((p) => COMMON_FOR_CLI.has(p.name));
  return [...own, ...common].map((p) => ({
    flag: kebabCase(p.name),
    parameter: p,
    kind: PS_TYPE_INFO[p.type].cli,
    describe: `-${p.name}${p.summary ? `: ${p.summary}` : ''}${p.type === 'Byte[]' ? ' (a file read on this machine; its bytes are sent as $ExchcertFileData)' : ''}${p.accepted ? ` [${p.accepted.join(', ')}]` : ''}`,
  }));
}

/** True when the cmdlet takes -Password (the CLI then offers the password sources). */
export function takesPassword(cmd: TypedCommand): boolean {
  return cmd.spec.parameters.some((p) => p.type === 'SecureString' && !cmd.exclude.includes(p.name));
}
