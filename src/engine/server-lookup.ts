// Finding servers by NetBIOS name or FQDN, and the target server of a call (rule 2, Identity's server part).
import { approximated } from './approximated-messages.js';
import { CmdletFailure } from './cmdlet-failure.js';
import type { ServerRecord, StateTransaction } from './org-state.js';
import { serverKey } from './org-state.js';
import { roleFlags } from './server-roles.js';

/**
 * The server named `id` (NetBIOS name or FQDN, case-insensitive), or undefined.
 * @example findServer(tx, 'ams-exch01.labs.local')?.name // 'AMS-EXCH01'
 */
export function findServer(tx: StateTransaction, id: string): ServerRecord | undefined {
  const key = serverKey(id);
  if (key === '') return undefined;
  return tx.getServer(key) ?? tx.listServers().find((s) => serverKey(s.name) === key || serverKey(s.fqdn) === key);
}

/** An `<Server>\<Thumbprint>` identity split into its parts (either may be missing). */
export interface CertificateIdentity {
  readonly server: string | undefined;
  readonly thumbprint: string | undefined;
}

/**
 * Reads an ExchangeCertificateIdParameter: `Server\Thumbprint`, a bare thumbprint, or an object with an Identity.
 * @example parseCertificateIdentity('EX01\\ABC') // { server: 'EX01', thumbprint: 'ABC' }
 */
export function parseCertificateIdentity(value: unknown): CertificateIdentity | undefined {
  if (value === null || value === undefined) return undefined;
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'object' && typeof (value as Record<string, unknown>)['Identity'] === 'string')
    text = (value as Record<string, string>)['Identity']!;
  else if (typeof value === 'object' && typeof (value as Record<string, unknown>)['Thumbprint'] === 'string')
    text = (value as Record<string, string>)['Thumbprint']!;
  else text = String(value);
  const slash = text.lastIndexOf('\\');
  if (slash < 0) return { server: undefined, thumbprint: text === '' ? undefined : text };
  const server = text.slice(0, slash).trim();
  const thumbprint = text.slice(slash + 1);
  return { server: server === '' ? undefined : server, thumbprint: thumbprint === '' ? undefined : thumbprint };
}

/** The invented domain controller the not-found message names (`DC01.<organization domain>`). */
function domainControllerName(tx: StateTransaction): string {
  const fqdn = tx.listServers()[0]?.fqdn ?? '';
  const dot = fqdn.indexOf('.');
  return dot < 0 ? 'DC01' : `DC01${fqdn.slice(dot)}`;
}

/** The cmdlet-side error for an unknown Identity (a connector, a server): ObjectNotFound, ManagementObjectNotFoundException. */
export function objectNotFound(tx: StateTransaction, id: string): CmdletFailure {
  return CmdletFailure.cmdlet(
    approximated('ObjectNotFound', id, domainControllerName(tx)),
    'ObjectNotFound',
    'ManagementObjectNotFoundException',
  );
}

/** The cmdlet-side error for an unknown -Server / Identity server (NotSpecified, ManagementObjectNotFoundException). */
export function serverNotFound(tx: StateTransaction, id: string): CmdletFailure {
  return CmdletFailure.cmdlet(
    approximated('ServerNotFound', id, domainControllerName(tx)),
    'NotSpecified',
    'ManagementObjectNotFoundException',
  );
}

/**
 * The server a call acts on: -Server, else the server part of -Identity, else the connected server (rule 2).
 * With `mailboxForCas` (Get-ExchangeCertificate on a 2013 CAS without -Server, rule 20) a 2013+ Mailbox server answers.
 */
export function resolveTargetServer(
  tx: StateTransaction,
  request: {
    readonly server: string | undefined;
    readonly identity: CertificateIdentity | undefined;
    readonly connected: string;
    readonly mailboxForCas?: boolean;
  },
): ServerRecord {
  const id = request.server ?? request.identity?.server;
  if (id !== undefined) {
    const found = findServer(tx, id);
    if (!found) throw serverNotFound(tx, id);
    return found;
  }
  const local = findServer(tx, request.connected);
  if (!local) throw serverNotFound(tx, request.connected);
  if (request.mailboxForCas && local.major === '2013' && !roleFlags(local).mailbox) {
    const mailbox = tx.listServers().find((s) => s.major !== '2010' && roleFlags(s).mailbox);
    if (mailbox) return mailbox;
  }
  return local;
}
