// An in-memory StateStore with the SQLite store's semantics, for fast unit tests.
import { EMPTY_ORG_CONFIG, EMPTY_SERVER_CONFIG } from '../org-state.js';
import type {
  CertificateRecord,
  OrgConfig,
  RequestRecord,
  ServerConfig,
  ServerRecord,
  StateStore,
  StateTransaction,
} from '../org-state.js';
import { runGuarded } from './guarded-transaction.js';
import { decodeStateJson, encodeStateJson } from './state-json.js';
import {
  freezeCertificate,
  freezeRequest,
  freezeServer,
  requireServerKey,
  requireThumbprint,
} from './state-records.js';
import { StoreError } from './store-error.js';

/** Everything the store holds; records are frozen, configuration and values kept as JSON text (as in SQLite). */
interface MemoryState {
  readonly servers: Map<string, ServerRecord>;
  readonly certificates: Map<string, Map<string, CertificateRecord>>;
  readonly requests: Map<string, Map<string, RequestRecord>>;
  readonly serverConfig: Map<string, string>;
  orgConfig: string | null;
  readonly values: Map<string, string>;
}

/**
 * A StateStore kept in memory. write() works on a copy that replaces the state only when fn returns,
 * so a throw rolls everything back; list order is first-insertion order, as in the SQLite store.
 * @example
 * const store = createMemoryStateStore();
 * store.write((tx) => tx.putValue('k', 1));
 * store.read((tx) => tx.getValue('k')); // 1
 */
export function createMemoryStateStore(): StateStore {
  let state: MemoryState = {
    servers: new Map(),
    certificates: new Map(),
    requests: new Map(),
    serverConfig: new Map(),
    orgConfig: null,
    values: new Map(),
  };
  let active = false;
  let closed = false;

  const run = <T>(writable: boolean, fn: (tx: StateTransaction) => T): T => {
    if (closed) throw new StoreError('STORE_CLOSED', 'The state is closed.');
    if (active)
      throw new StoreError(
        'TRANSACTION_NESTED',
        'A transaction is already running on this state; use the tx it was given.',
      );
    active = true;
    try {
      const working = writable ? copyState(state) : state;
      const result = runGuarded(memoryTransaction(working), writable, fn);
      state = working;
      return result;
    } finally {
      active = false;
    }
  };

  return {
    read: (fn) => run(false, fn),
    write: (fn) => run(true, fn),
    close: () => {
      if (active)
        throw new StoreError('TRANSACTION_NESTED', 'The state cannot be closed inside one of its transactions.');
      closed = true;
    },
  };
}

function copyState(state: MemoryState): MemoryState {
  const nested = <V>(map: Map<string, Map<string, V>>) =>
    new Map([...map].map(([key, inner]) => [key, new Map(inner)]));
  return {
    servers: new Map(state.servers),
    certificates: nested(state.certificates),
    requests: nested(state.requests),
    serverConfig: new Map(state.serverConfig),
    orgConfig: state.orgConfig,
    values: new Map(state.values),
  };
}

function memoryTransaction(state: MemoryState): StateTransaction {
  const bucket = <V>(map: Map<string, Map<string, V>>, server: string): Map<string, V> => {
    const key = requireServerKey(server);
    let inner = map.get(key);
    if (inner === undefined) map.set(key, (inner = new Map<string, V>()));
    return inner;
  };
  const peek = <V>(map: Map<string, Map<string, V>>, server: string): ReadonlyMap<string, V> =>
    map.get(requireServerKey(server)) ?? new Map();

  return {
    listServers: () => Object.freeze([...state.servers.values()].map(freezeServer)),
    getServer: (name) => mapOptional(state.servers.get(requireServerKey(name)), freezeServer),
    putServer: (server) => void state.servers.set(requireServerKey(server.name), freezeServer(server)),

    listCertificates: (server) => Object.freeze([...peek(state.certificates, server).values()].map(freezeCertificate)),
    getCertificate: (server, thumbprint) =>
      mapOptional(peek(state.certificates, server).get(requireThumbprint(thumbprint)), freezeCertificate),
    putCertificate: (cert) => {
      const record = freezeCertificate(cert);
      bucket(state.certificates, record.server).set(record.thumbprint, record);
    },
    deleteCertificate: (server, thumbprint) =>
      void bucket(state.certificates, server).delete(requireThumbprint(thumbprint)),

    listRequests: (server) => Object.freeze([...peek(state.requests, server).values()].map(freezeRequest)),
    getRequest: (server, thumbprint) =>
      mapOptional(peek(state.requests, server).get(requireThumbprint(thumbprint)), freezeRequest),
    putRequest: (request) => {
      const record = freezeRequest(request);
      bucket(state.requests, record.server).set(record.thumbprint, record);
    },
    deleteRequest: (server, thumbprint) => void bucket(state.requests, server).delete(requireThumbprint(thumbprint)),

    getServerConfig: (server) => {
      const text = state.serverConfig.get(requireServerKey(server));
      return text === undefined ? EMPTY_SERVER_CONFIG : (decodeStateJson(text) as ServerConfig);
    },
    putServerConfig: (server, config) => void state.serverConfig.set(requireServerKey(server), encodeStateJson(config)),

    getOrgConfig: () => (state.orgConfig === null ? EMPTY_ORG_CONFIG : (decodeStateJson(state.orgConfig) as OrgConfig)),
    putOrgConfig: (config) => void (state.orgConfig = encodeStateJson(config)),

    getValue: (key) => {
      const text = state.values.get(key);
      return text === undefined ? undefined : decodeStateJson(text);
    },
    putValue: (key, value) =>
      void (value === undefined ? state.values.delete(key) : state.values.set(key, encodeStateJson(value))),
    // One process: what it parsed, it remembers.
    putCertificateFacts: () => undefined,
    loadCertificateFacts: () => undefined,
  };
}

function mapOptional<R, T>(value: R | undefined, map: (value: R) => T): T | undefined {
  return value === undefined ? undefined : map(value);
}
