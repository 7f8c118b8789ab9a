// Which Exchange role flags (Server.IsHubTransportServer etc.) a server's installed roles give, per version.
import type { ExchangeMajor } from '../spec/exchange-target.js';
import type { ServerRecord } from './org-state.js';

/** The role flags the Exchange certificate code tests (ExchangeCertificateServer, ManageExchangeCertificate). */
export interface RoleFlags {
  readonly mailbox: boolean;
  /** IsClientAccessServer: the CAS role (2010), Mailbox or CAS (2013, back-end client access), Mailbox (2016+). */
  readonly clientAccess: boolean;
  /** IsCafeServer: the 2013 CAS (front end) role, every 2016+ Mailbox server. */
  readonly cafe: boolean;
  readonly hubTransport: boolean;
  readonly edge: boolean;
  readonly unifiedMessaging: boolean;
  /** The Client Access role as the docs mean it for -IncludeAutoDiscover (rule 40). */
  readonly clientAccessRole: boolean;
}

/** The roles setup installs when none are given: a typical multi-role server of that version. */
export function defaultRoles(major: ExchangeMajor): readonly string[] {
  if (major === '2010') return ['Mailbox', 'ClientAccess', 'HubTransport'];
  if (major === '2013') return ['Mailbox', 'ClientAccess'];
  return ['Mailbox'];
}

/**
 * The role flags of a server (case-insensitive role names).
 * @example roleFlags({ major: '2013', roles: ['ClientAccess'] } as ServerRecord).cafe // true
 */
export function roleFlags(server: Pick<ServerRecord, 'major' | 'roles'>): RoleFlags {
  const has = (role: string): boolean => server.roles.some((r) => r.toLowerCase() === role.toLowerCase());
  const edge = has('Edge') || has('EdgeTransport');
  if (server.major === '2010') {
    return {
      mailbox: has('Mailbox'),
      clientAccess: has('ClientAccess'),
      cafe: false,
      hubTransport: has('HubTransport'),
      edge,
      unifiedMessaging: has('UnifiedMessaging'),
      clientAccessRole: has('ClientAccess'),
    };
  }
  if (server.major === '2013') {
    const mbx = has('Mailbox');
    const cas = has('ClientAccess');
    return {
      mailbox: mbx,
      clientAccess: mbx || cas,
      cafe: cas,
      hubTransport: mbx,
      edge,
      unifiedMessaging: mbx,
      clientAccessRole: cas,
    };
  }
  const mbx = has('Mailbox');
  return {
    mailbox: mbx,
    clientAccess: mbx,
    cafe: mbx,
    hubTransport: mbx,
    edge,
    unifiedMessaging: mbx && server.major === '2016',
    clientAccessRole: mbx,
  };
}

/** True when the server runs a transport service whose Network Service ACL yields the SMTP letter (rule 29). */
export function hasSmtpRole(flags: RoleFlags): boolean {
  return flags.hubTransport || flags.edge || flags.cafe;
}
