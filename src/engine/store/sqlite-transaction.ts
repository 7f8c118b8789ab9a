// The StateTransaction over a better-sqlite3 connection: cached prepared statements, rows mapped to frozen records.
import type { Database, Statement } from 'better-sqlite3';
import { EMPTY_ORG_CONFIG, EMPTY_SERVER_CONFIG } from '../org-state.js';
import type {
  CertificateRecord,
  OrgConfig,
  RequestRecord,
  ServerConfig,
  ServerRecord,
  StateTransaction,
} from '../org-state.js';
import { decodeStateJson, encodeStateJson } from './state-json.js';
import {
  freezeCertificate,
  freezeRequest,
  freezeServer,
  requireServerKey,
  requireThumbprint,
} from './state-records.js';

interface ServerRow {
  name: string;
  fqdn: string;
  major: string;
  cu: number;
  roles: string;
  created_at: string;
}
interface CertificateRow {
  server: string;
  thumbprint: string;
  der: Uint8Array;
  private_key: Uint8Array | null;
  exportable: number;
  friendly_name: string;
  root_ca_type: string | null;
  created_at: string;
}
interface RequestRow {
  server: string;
  thumbprint: string;
  csr: Uint8Array;
  placeholder: Uint8Array;
  private_key: Uint8Array;
  exportable: number;
  friendly_name: string;
  created_at: string;
}

const SQL = {
  listServers: 'SELECT * FROM servers ORDER BY rowid',
  getServer: 'SELECT * FROM servers WHERE server_key = ?',
  putServer: `INSERT INTO servers (server_key, name, fqdn, major, cu, roles, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (server_key) DO UPDATE SET name = excluded.name, fqdn = excluded.fqdn, major = excluded.major, cu = excluded.cu,
    roles = excluded.roles, created_at = excluded.created_at`,
  listCertificates: 'SELECT * FROM certificates WHERE server_key = ? ORDER BY rowid',
  getCertificate: 'SELECT * FROM certificates WHERE server_key = ? AND thumbprint = ?',
  putCertificate: `INSERT INTO certificates (server_key, thumbprint, server, der, private_key, exportable, friendly_name, root_ca_type, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (server_key, thumbprint) DO UPDATE SET server = excluded.server, der = excluded.der,
    private_key = excluded.private_key, exportable = excluded.exportable, friendly_name = excluded.friendly_name,
    root_ca_type = excluded.root_ca_type, created_at = excluded.created_at`,
  deleteCertificate: 'DELETE FROM certificates WHERE server_key = ? AND thumbprint = ?',
  listRequests: 'SELECT * FROM requests WHERE server_key = ? ORDER BY rowid',
  getRequest: 'SELECT * FROM requests WHERE server_key = ? AND thumbprint = ?',
  putRequest: `INSERT INTO requests (server_key, thumbprint, server, csr, placeholder, private_key, exportable, friendly_name, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (server_key, thumbprint) DO UPDATE SET server = excluded.server, csr = excluded.csr,
    placeholder = excluded.placeholder, private_key = excluded.private_key, exportable = excluded.exportable,
    friendly_name = excluded.friendly_name, created_at = excluded.created_at`,
  deleteRequest: 'DELETE FROM requests WHERE server_key = ? AND thumbprint = ?',
  getServerConfig: 'SELECT config FROM server_config WHERE server_key = ?',
  putServerConfig:
    'INSERT INTO server_config (server_key, config) VALUES (?, ?) ON CONFLICT (server_key) DO UPDATE SET config = excluded.config',
  getOrgConfig: 'SELECT config FROM org_config WHERE id = 1',
  putOrgConfig:
    'INSERT INTO org_config (id, config) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET config = excluded.config',
  getValue: 'SELECT value FROM kv WHERE key = ?',
  putValue: 'INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  deleteValue: 'DELETE FROM kv WHERE key = ?',
} as const;

/**
 * How a certificate's facts are kept beside its DER (the PKI's certificate-facts-json; the store itself parses no
 * certificate): their text for a DER being stored (undefined: none), whether they are already known in this process,
 * and handing stored text back.
 */
export interface CertificateFactsCodec {
  write(der: Uint8Array): string | undefined;
  known(thumbprint: string): boolean;
  read(der: Uint8Array, thumbprint: string, text: string): void;
}

/** A StateTransaction whose reads of servers, configurations and values are remembered until `reset` (a new transaction). */
export interface SqliteTransaction extends StateTransaction {
  reset(): void;
}

/**
 * A StateTransaction running its statements on `db` (the caller owns BEGIN/COMMIT and calls reset() at each BEGIN);
 * statements are prepared once here. Within one transaction the data only changes through this object, so the records
 * and configurations a cmdlet reads several times are read and decoded once (a put forgets its key).
 * @example const tx = createSqliteTransaction(db); db.transaction(() => { tx.reset(); return tx.listServers(); }).deferred()
 */
export function createSqliteTransaction(db: Database, facts?: CertificateFactsCodec): SqliteTransaction {
  const s = Object.fromEntries(Object.entries(SQL).map(([name, sql]) => [name, db.prepare(sql)])) as Record<
    keyof typeof SQL,
    Statement
  >;
  const one = <R>(statement: Statement, ...params: unknown[]): R | undefined =>
    statement.get(...params) as R | undefined;
  const all = <R>(statement: Statement, ...params: unknown[]): R[] => statement.all(...params) as R[];
  const memo = new Map<string, unknown>();
  const remembered = <T>(key: string, read: () => T): T => {
    if (memo.has(key)) return memo.get(key) as T;
    const value = read();
    memo.set(key, value);
    return value;
  };

  const loadCertificateFacts = (der: Uint8Array, thumbprint: string): void => {
    if (facts === undefined || facts.known(thumbprint)) return;
    const stored = one<{ value: string }>(s.getValue, `${FACTS_KEY}${thumbprint}`);
    if (stored !== undefined) facts.read(der, thumbprint, stored.value);
  };
  const putCertificateFacts = (der: Uint8Array, thumbprint: string): void => {
    const text = facts?.write(der);
    if (text !== undefined) s.putValue.run(`${FACTS_KEY}${thumbprint}`, text);
  };
  // A record read back brings its certificate's stored facts, so that showing it parses no X.509.
  const withFacts = (row: CertificateRow): CertificateRecord => {
    const record = toCertificate(row);
    loadCertificateFacts(record.der, record.thumbprint);
    return record;
  };

  return {
    reset: () => memo.clear(),
    listServers: () => Object.freeze(all<ServerRow>(s.listServers).map(toServer)),
    getServer: (name) => {
      const key = requireServerKey(name);
      return remembered(`server:${key}`, () => mapOptional(one<ServerRow>(s.getServer, key), toServer));
    },
    putServer: (server) => {
      const r = freezeServer(server);
      memo.delete(`server:${requireServerKey(r.name)}`);
      s.putServer.run(requireServerKey(r.name), r.name, r.fqdn, r.major, r.cu, JSON.stringify(r.roles), r.createdAt);
    },

    listCertificates: (server) =>
      Object.freeze(all<CertificateRow>(s.listCertificates, requireServerKey(server)).map(withFacts)),
    getCertificate: (server, thumbprint) =>
      mapOptional(
        one<CertificateRow>(s.getCertificate, requireServerKey(server), requireThumbprint(thumbprint)),
        withFacts,
      ),
    putCertificate: (cert) => {
      const r = freezeCertificate(cert);
      s.putCertificate.run(
        requireServerKey(r.server),
        r.thumbprint,
        r.server,
        r.der,
        r.privateKey,
        r.exportable ? 1 : 0,
        r.friendlyName,
        r.rootCaType,
        r.createdAt,
      );
      putCertificateFacts(r.der, r.thumbprint);
    },
    deleteCertificate: (server, thumbprint) =>
      void s.deleteCertificate.run(requireServerKey(server), requireThumbprint(thumbprint)),

    listRequests: (server) => Object.freeze(all<RequestRow>(s.listRequests, requireServerKey(server)).map(toRequest)),
    getRequest: (server, thumbprint) =>
      mapOptional(one<RequestRow>(s.getRequest, requireServerKey(server), requireThumbprint(thumbprint)), toRequest),
    putRequest: (request) => {
      const r = freezeRequest(request);
      s.putRequest.run(
        requireServerKey(r.server),
        r.thumbprint,
        r.server,
        r.csr,
        r.placeholder,
        r.privateKey,
        r.exportable ? 1 : 0,
        r.friendlyName,
        r.createdAt,
      );
    },
    deleteRequest: (server, thumbprint) =>
      void s.deleteRequest.run(requireServerKey(server), requireThumbprint(thumbprint)),

    getServerConfig: (server) => {
      const key = requireServerKey(server);
      return remembered(`config:${key}`, () => {
        const row = one<{ config: string }>(s.getServerConfig, key);
        return row === undefined ? EMPTY_SERVER_CONFIG : (decodeStateJson(row.config) as ServerConfig);
      });
    },
    putServerConfig: (server, config) => {
      const key = requireServerKey(server);
      memo.delete(`config:${key}`);
      s.putServerConfig.run(key, encodeStateJson(config));
    },

    getOrgConfig: () =>
      remembered('org', () => {
        const row = one<{ config: string }>(s.getOrgConfig);
        return row === undefined ? EMPTY_ORG_CONFIG : (decodeStateJson(row.config) as OrgConfig);
      }),
    putOrgConfig: (config) => {
      memo.delete('org');
      s.putOrgConfig.run(encodeStateJson(config));
    },

    getValue: (key) =>
      remembered(`value:${key}`, () => {
        const row = one<{ value: string }>(s.getValue, key);
        return row === undefined ? undefined : decodeStateJson(row.value);
      }),
    putValue: (key, value) => {
      memo.delete(`value:${key}`);
      if (value === undefined) s.deleteValue.run(key);
      else s.putValue.run(key, encodeStateJson(value));
    },
    putCertificateFacts,
    loadCertificateFacts,
  };
}

/** Where a certificate's facts are kept (in kv, by thumbprint: the same DER has the same facts on every server). */
const FACTS_KEY = 'certificate-facts:';

function mapOptional<R, T>(row: R | undefined, map: (row: R) => T): T | undefined {
  return row === undefined ? undefined : map(row);
}

function toServer(row: ServerRow): ServerRecord {
  return freezeServer({
    name: row.name,
    fqdn: row.fqdn,
    major: row.major as ServerRecord['major'],
    cu: row.cu,
    roles: JSON.parse(row.roles) as string[],
    createdAt: row.created_at,
  });
}

function toCertificate(row: CertificateRow): CertificateRecord {
  return freezeCertificate({
    server: row.server,
    thumbprint: row.thumbprint,
    der: row.der,
    privateKey: row.private_key,
    exportable: row.exportable === 1,
    friendlyName: row.friendly_name,
    rootCaType: row.root_ca_type as CertificateRecord['rootCaType'],
    createdAt: row.created_at,
  });
}

function toRequest(row: RequestRow): RequestRecord {
  return freezeRequest({
    server: row.server,
    thumbprint: row.thumbprint,
    csr: row.csr,
    placeholder: row.placeholder,
    privateKey: row.private_key,
    exportable: row.exportable === 1,
    friendlyName: row.friendly_name,
    createdAt: row.created_at,
  });
}
