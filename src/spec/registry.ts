import type { CmdletSpec, ParameterSpec } from './cmdlet-spec.js';
import { setsOf } from './cmdlet-spec.js';
import { COMMON_PARAMETERS } from './common-parameters.js';
import { enableExchangeCertificateSpec } from './cmdlets/enable-exchange-certificate-spec.js';
import { exportExchangeCertificateSpec } from './cmdlets/export-exchange-certificate-spec.js';
import { getAuthConfigSpec } from './cmdlets/get-auth-config-spec.js';
import { getClientAccessServiceSpec } from './cmdlets/get-client-access-service-spec.js';
import { getExchangeServerSpec } from './cmdlets/get-exchange-server-spec.js';
import { getImapSettingsSpec } from './cmdlets/get-imap-settings-spec.js';
import { getPopSettingsSpec } from './cmdlets/get-pop-settings-spec.js';
import { getReceiveConnectorSpec } from './cmdlets/get-receive-connector-spec.js';
import { getSendConnectorSpec } from './cmdlets/get-send-connector-spec.js';
import { setAuthConfigSpec } from './cmdlets/set-auth-config-spec.js';
import { setImapSettingsSpec } from './cmdlets/set-imap-settings-spec.js';
import { setPopSettingsSpec } from './cmdlets/set-pop-settings-spec.js';
import { setReceiveConnectorSpec } from './cmdlets/set-receive-connector-spec.js';
import { setSendConnectorSpec } from './cmdlets/set-send-connector-spec.js';
import { getExchangeCertificateSpec } from './cmdlets/get-exchange-certificate-spec.js';
import { importExchangeCertificateSpec } from './cmdlets/import-exchange-certificate-spec.js';
import { newExchangeCertificateSpec } from './cmdlets/new-exchange-certificate-spec.js';
import { removeExchangeCertificateSpec } from './cmdlets/remove-exchange-certificate-spec.js';
import { convertToSecureStringSpec } from './helpers/convert-to-secure-string-spec.js';
import { formatListSpec } from './helpers/format-list-spec.js';
import { formatTableSpec } from './helpers/format-table-spec.js';
import { getContentSpec } from './helpers/get-content-spec.js';
import { readHostSpec } from './helpers/read-host-spec.js';
import { selectObjectSpec } from './helpers/select-object-spec.js';
import { setContentSpec } from './helpers/set-content-spec.js';
import { whereObjectSpec } from './helpers/where-object-spec.js';
import type { ShellVersion } from './shell-version.js';

/** The six Exchange certificate cmdlets. */
export const EXCHANGE_CMDLETS: readonly CmdletSpec[] = Object.freeze([
  newExchangeCertificateSpec,
  importExchangeCertificateSpec,
  enableExchangeCertificateSpec,
  exportExchangeCertificateSpec,
  getExchangeCertificateSpec,
  removeExchangeCertificateSpec,
]);

/** The neighbouring Exchange cmdlets certificate runbooks call (servers, Auth configuration, connectors, POP/IMAP). */
export const NEIGHBOUR_CMDLETS: readonly CmdletSpec[] = Object.freeze([
  getExchangeServerSpec,
  getAuthConfigSpec,
  setAuthConfigSpec,
  getSendConnectorSpec,
  setSendConnectorSpec,
  getReceiveConnectorSpec,
  setReceiveConnectorSpec,
  getPopSettingsSpec,
  setPopSettingsSpec,
  getImapSettingsSpec,
  setImapSettingsSpec,
  getClientAccessServiceSpec,
]);

/** Every Exchange cmdlet exchcert knows: the six certificate cmdlets and their neighbours. */
export const ALL_EXCHANGE_CMDLETS: readonly CmdletSpec[] = Object.freeze([...EXCHANGE_CMDLETS, ...NEIGHBOUR_CMDLETS]);

/** Helper cmdlets runbooks wrap around them. */
export const HELPER_CMDLETS: readonly CmdletSpec[] = Object.freeze([
  getContentSpec,
  setContentSpec,
  convertToSecureStringSpec,
  readHostSpec,
  formatListSpec,
  formatTableSpec,
  selectObjectSpec,
  whereObjectSpec,
]);

/** Aliases runbooks use for helper cmdlets (the same on 2.0, 5.1 and 7 for these). */
export const COMMAND_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  gc: 'Get-Content',
  cat: 'Get-Content',
  type: 'Get-Content',
  sc: 'Set-Content',
  fl: 'Format-List',
  ft: 'Format-Table',
  select: 'Select-Object',
  where: 'Where-Object',
  '?': 'Where-Object',
});

const BY_NAME = new Map<string, CmdletSpec>(
  [...ALL_EXCHANGE_CMDLETS, ...HELPER_CMDLETS].map((c) => [c.name.toLowerCase(), c]),
);

/**
 * Looks a cmdlet up by name or alias, case-insensitively.
 * @example findCmdlet('get-exchangecertificate')?.name // 'Get-ExchangeCertificate'
 */
export function findCmdlet(name: string): CmdletSpec | undefined {
  const lower = name.toLowerCase();
  const aliased = COMMAND_ALIASES[lower];
  return BY_NAME.get(aliased ? aliased.toLowerCase() : lower);
}

/** A cmdlet as one shell sees it: its parameters there plus the shell's common parameters. */
export interface ShellView {
  readonly cmdlet: CmdletSpec;
  readonly shell: ShellVersion | undefined;
  readonly parameters: readonly ParameterSpec[];
  readonly sets: readonly string[];
  readonly defaultSet: string;
}

const VIEW_CACHE = new Map<string, ShellView>();

/** Parameters (own and common) of a cmdlet in a shell; `undefined` shell means "any shell". */
export function shellView(cmdlet: CmdletSpec, shell: ShellVersion | undefined): ShellView {
  const key = `${cmdlet.name}|${shell ?? '*'}`;
  const cached = VIEW_CACHE.get(key);
  if (cached) return cached;
  const has = (p: ParameterSpec) => shell === undefined || p.shells.includes(shell);
  const own = cmdlet.parameters.filter(has);
  const common = COMMON_PARAMETERS.filter(has);
  // A set survives when a parameter specific to it survives (or the cmdlet has a single set).
  const sets = cmdlet.sets.filter(
    (s) => cmdlet.sets.length === 1 || own.some((p) => p.sets.length > 0 && p.sets.includes(s)),
  );
  const defaultSet = sets.includes(cmdlet.defaultSet) ? cmdlet.defaultSet : sets[0]!;
  const parameters = [...own, ...common].map((p) =>
    p.sets.length === 0 || p.sets.every((s) => sets.includes(s))
      ? p
      : Object.freeze({ ...p, sets: p.sets.filter((s) => sets.includes(s)) }),
  );
  const view = Object.freeze({
    cmdlet,
    shell,
    parameters: Object.freeze(parameters),
    sets: Object.freeze(sets),
    defaultSet,
  });
  VIEW_CACHE.set(key, view);
  return view;
}

export { setsOf };
