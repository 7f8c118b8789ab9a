// The names, subject and key size of a new certificate or request (EnsureCreateDefaults, rules 33, 36-38, 40-42, 47, 108).
import { isValidDnsName, parseX500Name } from '../pki/index.js';
import { approximated } from './approximated-messages.js';
import { certificateInfo } from './certificate-cache.js';
import { CmdletFailure } from './cmdlet-failure.js';
import type { ServerRecord, StateTransaction } from './org-state.js';
import { roleFlags } from './server-roles.js';

/** The certificate piped in for renewal (-Instance): its bytes and friendly name. */
export interface CloneSource {
  readonly der: Uint8Array;
  readonly friendlyName: string;
}

/** What the cmdlet sends (the ExchangeCertificateRpc Create* fields). */
export interface CreateInput {
  readonly subjectName: string | undefined;
  readonly domainNames: readonly string[] | undefined;
  readonly friendlyName: string | undefined;
  readonly includeAcceptedDomains: boolean;
  readonly includeAutoDiscover: boolean;
  readonly includeServerFqdn: boolean;
  readonly includeServerNetBios: boolean;
  /** 0 when -KeySize was not given. */
  readonly keySize: number;
  readonly clone: CloneSource | undefined;
}

/** The completed parameters and the warnings EnsureCreateDefaults produced. */
export interface CreateDefaults {
  readonly domains: readonly string[];
  readonly subjectName: string;
  /** The cloned certificate's subject as encoded, when the subject comes from it (a renewal keeps its RDN order). */
  readonly subjectDer?: Uint8Array;
  readonly friendlyName: string | undefined;
  readonly keySize: 1024 | 2048 | 4096;
  readonly warnings: readonly string[];
}

/** Dns.IsValidName or IsValidWildcardName, as IsDomainValidForCertificate. */
const validForCertificate = (name: string): boolean => isValidDnsName(name);

/** ManageExchangeCertificate.CheckCnIsFQDN: some CN of the subject is a host or wildcard name. */
function cnIsFqdn(subject: string): boolean {
  try {
    return parseX500Name(subject).some((rdn) => rdn.some((a) => a.oid === '2.5.4.3' && isValidDnsName(a.value.trim())));
  } catch {
    return false;
  }
}

/**
 * EnsureCreateDefaults: clone's names and friendly name first, then -DomainName, accepted domains, Autodiscover names
 * (Client Access only, else a warning), the server's names when nothing else names the certificate, then
 * -IncludeServerFQDN / -IncludeServerNetBIOSName; key size and subject defaults last. Throws the server's
 * InvalidArgument errors (friendly name too long, CN not an FQDN, invalid domain, invalid key size).
 */
export function ensureCreateDefaults(tx: StateTransaction, server: ServerRecord, input: CreateInput): CreateDefaults {
  const fail = (message: string): CmdletFailure => CmdletFailure.server(server.name, message, 'InvalidArgument');
  const list: string[] = [];
  const warnings: string[] = [];
  const add = (name: string): void => {
    if (!list.includes(name)) list.push(name);
  };
  const addIfValid = (name: string): void => {
    if (validForCertificate(name)) add(name);
  };
  const clone = input.clone ? certificateInfo(input.clone.der) : undefined;
  let friendlyName = input.friendlyName;
  if (clone && input.clone) {
    clone.certificateDomains.forEach(add);
    friendlyName = input.clone.friendlyName;
  }
  if (friendlyName !== undefined && friendlyName.length > 63) throw fail(approximated('FriendlyNameTooLong'));
  input.domainNames?.forEach(add);
  const accepted = tx.getOrgConfig().acceptedDomains;
  if (input.includeAcceptedDomains) accepted.forEach((d) => addIfValid(d.domainName));
  if (input.includeAutoDiscover) {
    const roles = roleFlags(server);
    const isCas = server.major === '2010' || server.major === '2013' ? roles.clientAccessRole : roles.clientAccess;
    if (isCas)
      accepted
        .filter((d) => d.domainType === 'Authoritative')
        .forEach((d) => addIfValid(`autodiscover.${d.domainName}`));
    else warnings.push(approximated('IncludeAutoDiscoverOnlyApplicableToCAS'));
  }
  if (input.domainNames === undefined && list.length === 0) {
    if (input.subjectName === undefined || input.subjectName === '') {
      addIfValid(server.name);
      addIfValid(server.fqdn);
    } else if (!cnIsFqdn(input.subjectName)) {
      throw fail(approximated('SubjectCnNotValidFQDN'));
    }
  } else {
    const bad = list.find((n) => !validForCertificate(n));
    if (bad !== undefined) throw fail(approximated('DomainNameIsNotValidForCertificate', bad));
  }
  if (input.includeServerFqdn) addIfValid(server.fqdn);
  if (input.includeServerNetBios) addIfValid(server.name);
  const keySize = input.keySize === 0 ? (clone ? clone.publicKeySize : 2048) : input.keySize;
  if (keySize !== 1024 && keySize !== 2048 && keySize !== 4096) throw fail(approximated('InvalidKeySize', keySize));
  let subjectName = input.subjectName ?? '';
  let subjectDer: Uint8Array | undefined;
  if (subjectName === '') {
    if (clone) {
      subjectName = clone.subject;
      subjectDer = clone.subjectDer;
    } else {
      const first = list.find((n) => n.length < 64);
      subjectName = first !== undefined ? `CN=${first}` : '';
    }
  }
  return { domains: list, subjectName, ...(subjectDer ? { subjectDer } : {}), friendlyName, keySize, warnings };
}
