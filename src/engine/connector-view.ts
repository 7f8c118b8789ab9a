// Send and Receive connectors as Get-SendConnector / Get-ReceiveConnector write them, and how an Identity finds one.
import { EXCHANGE_OBJECT_TYPES } from '../spec/output/exchange-object-views.js';
import { exchangeObject } from './exchange-object.js';
import type { ConnectorRecord, ServerRecord, StateTransaction } from './org-state.js';
import { findServer, objectNotFound } from './server-lookup.js';
import { roleFlags } from './server-roles.js';

/** A Receive connector's Identity: `<Server>\<Name>`; a Send connector's: its name. */
export function connectorIdentity(c: ConnectorRecord): string {
  return c.kind === 'Receive' && c.server !== null ? `${c.server}\\${c.name}` : c.name;
}

/** Servers that send through organization Send connectors: every Hub Transport (2010) or Mailbox (2013+) server. */
export function sourceTransportServers(tx: StateTransaction): ServerRecord[] {
  return tx.listServers().filter((s) => !roleFlags(s).edge && roleFlags(s).hubTransport);
}

/** The connector of a kind an Identity names (`Name`, or `Server\Name` for Receive connectors), else ObjectNotFound. */
export function findConnector(tx: StateTransaction, kind: ConnectorRecord['kind'], identity: string): ConnectorRecord {
  const id = identity.trim();
  const slash = id.lastIndexOf('\\');
  const serverPart = slash >= 0 ? id.slice(0, slash) : undefined;
  const name = (slash >= 0 ? id.slice(slash + 1) : id).toLowerCase();
  const server = serverPart === undefined ? undefined : findServer(tx, serverPart)?.name.toLowerCase();
  const match = tx
    .getOrgConfig()
    .connectors.find(
      (c) =>
        c.kind === kind &&
        c.name.toLowerCase() === name &&
        (serverPart === undefined || (server !== undefined && c.server?.toLowerCase() === server)),
    );
  if (!match) throw objectNotFound(tx, identity);
  return match;
}

/** One Send connector object. */
export function sendConnectorView(tx: StateTransaction, c: ConnectorRecord): Record<string, unknown> {
  return exchangeObject(EXCHANGE_OBJECT_TYPES.sendConnector, connectorIdentity(c), {
    Identity: connectorIdentity(c),
    Name: c.name,
    AddressSpaces: ['SMTP:*;1'],
    Enabled: c.enabled ?? true,
    Fqdn: c.fqdn,
    TlsCertificateName: c.tlsCertificateName,
    RequireTLS: c.requireTls ?? false,
    TlsAuthLevel: c.tlsAuthLevel ?? null,
    TlsDomain: c.tlsDomain ?? null,
    SourceTransportServers: sourceTransportServers(tx).map((s) => s.name),
    DNSRoutingEnabled: true,
    Port: 25,
    Comment: c.comment ?? null,
  });
}

/** One Receive connector object (Exchange 2013+ "Default <Server>" listens on 2525 beside the front end's 25). */
export function receiveConnectorView(tx: StateTransaction, c: ConnectorRecord): Record<string, unknown> {
  const server = c.server === null ? undefined : findServer(tx, c.server);
  const port = server && server.major !== '2010' ? 2525 : 25;
  return exchangeObject(EXCHANGE_OBJECT_TYPES.receiveConnector, connectorIdentity(c), {
    Identity: connectorIdentity(c),
    Name: c.name,
    Server: c.server,
    Bindings: [`[::]:${port}`, `0.0.0.0:${port}`],
    Enabled: c.enabled ?? true,
    Fqdn: c.fqdn,
    TlsCertificateName: c.tlsCertificateName,
    RequireTLS: c.requireTls ?? false,
    Banner: c.banner ?? null,
    TransportRole: 'HubTransport',
    Comment: c.comment ?? null,
  });
}
