// The behaviour every StateStore shares, run against the SQLite and the in-memory implementation.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { EMPTY_ORG_CONFIG, EMPTY_SERVER_CONFIG } from '../../../../src/engine/org-state.js';
import type { OrgConfig, RequestRecord, ServerConfig, StateStore } from '../../../../src/engine/org-state.js';
import { fakeCertificateRecord, fakeServerRecord } from '../../../../src/engine/store/fake-records.js';
import { StoreError } from '../../../../src/engine/store/store-error.js';
import { caught } from '../../../pki/caught.js';

/** A fresh store and how to dispose of it. */
export interface StoreFixture {
  readonly store: StateStore;
  dispose(): void;
}

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);
const isPlainBytes = (value: unknown): boolean =>
  value instanceof Uint8Array && Object.getPrototypeOf(value) === Uint8Array.prototype;

function request(server: string, thumbprint: string): RequestRecord {
  return {
    server,
    thumbprint,
    csr: bytes(1, 2, 3),
    placeholder: bytes(4, 5),
    privateKey: bytes(6),
    exportable: false,
    friendlyName: 'req',
    createdAt: '2024-01-01T00:00:00.000Z',
  };
}

const serverConfig: ServerConfig = {
  ...EMPTY_SERVER_CONFIG,
  iisSites: [{ name: 'Default Web Site', id: 1, requireSsl: false, sslThumbprint: 'AB'.repeat(20) }],
  networkServiceAcl: ['CD'.repeat(20)],
  umStartupMode: 'Dual',
  trustedRoots: [{ thumbprint: 'EF'.repeat(20), der: bytes(0, 255, 128, 7), source: 'ThirdParty' }],
};

const orgConfig: OrgConfig = {
  ...EMPTY_ORG_CONFIG,
  acceptedDomains: [{ name: 'contoso.com', domainName: 'contoso.com', domainType: 'Authoritative' }],
  connectors: [
    {
      name: 'Default EX01',
      server: 'EX01',
      kind: 'Receive',
      fqdn: 'mail.contoso.com',
      tlsCertificateName: '<I>CN=CA<S>CN=mail',
    },
  ],
  authCertificateThumbprint: '12'.repeat(20),
  trustedVendorRoots: [{ thumbprint: '34'.repeat(20), der: bytes(9, 8, 7) }],
  clockOffsetMs: 86_400_000,
};

/** Declares the shared StateStore tests for `name`; `open` makes a fresh, empty store per test. */
export function describeStateStoreContract(name: string, open: () => StoreFixture): void {
  describe(`${name}: StateStore contract`, () => {
    let fixture: StoreFixture;
    let store: StateStore;
    beforeEach(() => {
      fixture = open();
      store = fixture.store;
    });
    afterEach(() => fixture.dispose());

    it('starts empty, with the empty configurations', () => {
      store.read((tx) => {
        expect(tx.listServers()).toEqual([]);
        expect(tx.getServer('EX01')).toBeUndefined();
        expect(tx.listCertificates('EX01')).toEqual([]);
        expect(tx.getCertificate('EX01', 'AB'.repeat(20))).toBeUndefined();
        expect(tx.listRequests('EX01')).toEqual([]);
        expect(tx.getServerConfig('EX01')).toEqual(EMPTY_SERVER_CONFIG);
        expect(tx.getOrgConfig()).toEqual(EMPTY_ORG_CONFIG);
        expect(tx.getValue('missing')).toBeUndefined();
      });
    });

    it('keeps servers by case-insensitive name, in first-insertion order, frozen', () => {
      store.write((tx) => {
        tx.putServer(fakeServerRecord('AMS-EXCH01'));
        tx.putServer(fakeServerRecord('BER-EXCH02'));
        tx.putServer({ ...fakeServerRecord('ams-exch01'), cu: 14 });
      });
      const servers = store.read((tx) => tx.listServers());
      expect(servers.map((s) => [s.name, s.cu])).toEqual([
        ['ams-exch01', 14],
        ['BER-EXCH02', 15],
      ]);
      const server = store.read((tx) => tx.getServer(' Ber-Exch02 '));
      expect(server).toEqual(fakeServerRecord('BER-EXCH02'));
      expect(Object.isFrozen(server)).toBe(true);
      expect(Object.isFrozen(server?.roles)).toBe(true);
      expect(Object.isFrozen(servers)).toBe(true);
    });

    it('round-trips certificates with BLOBs as plain Uint8Array and thumbprints upper-case', () => {
      const cert = fakeCertificateRecord('EX01', 800, 'Contoso 2024');
      const noKey = { ...fakeCertificateRecord('EX01'), privateKey: null, exportable: false, rootCaType: null };
      store.write((tx) => {
        tx.putCertificate({ ...cert, thumbprint: cert.thumbprint.toLowerCase() });
        tx.putCertificate(noKey);
      });
      const got = store.read((tx) => tx.getCertificate('ex01', cert.thumbprint.toLowerCase()));
      expect(got).toEqual(cert);
      expect(isPlainBytes(got?.der)).toBe(true);
      expect(isPlainBytes(got?.privateKey)).toBe(true);
      expect(Object.isFrozen(got)).toBe(true);
      expect(store.read((tx) => tx.getCertificate('EX01', noKey.thumbprint))).toEqual(noKey);
      expect(store.read((tx) => tx.listCertificates('Ex01')).map((c) => c.thumbprint)).toEqual([
        cert.thumbprint,
        noKey.thumbprint,
      ]);
    });

    it('keeps certificates per server and replaces one put again in place', () => {
      const a = fakeCertificateRecord('EX01');
      const b = fakeCertificateRecord('EX01');
      store.write((tx) => {
        tx.putCertificate(a);
        tx.putCertificate(b);
        tx.putCertificate({ ...a, server: 'EX02' });
        tx.putCertificate({ ...a, friendlyName: 'renamed' });
      });
      expect(store.read((tx) => tx.listCertificates('EX01')).map((c) => c.friendlyName)).toEqual(['renamed', '']);
      expect(store.read((tx) => tx.getCertificate('EX02', a.thumbprint))?.server).toBe('EX02');
      store.write((tx) => {
        tx.deleteCertificate('ex01', a.thumbprint.toLowerCase());
        tx.deleteCertificate('EX01', 'FF'.repeat(20));
      });
      expect(store.read((tx) => tx.listCertificates('EX01')).map((c) => c.thumbprint)).toEqual([b.thumbprint]);
      expect(store.read((tx) => tx.getCertificate('EX02', a.thumbprint))).toBeDefined();
    });

    it('copies bytes in and out, so callers cannot change stored records', () => {
      const der = bytes(1, 2, 3);
      store.write((tx) => tx.putCertificate({ ...fakeCertificateRecord('EX01'), thumbprint: 'AA'.repeat(20), der }));
      der[0] = 99;
      const first = store.read((tx) => tx.getCertificate('EX01', 'AA'.repeat(20)));
      (first?.der as Uint8Array)[1] = 99;
      expect(store.read((tx) => tx.getCertificate('EX01', 'AA'.repeat(20)))?.der).toEqual(bytes(1, 2, 3));
    });

    it('round-trips requests', () => {
      store.write((tx) => {
        tx.putRequest(request('EX01', 'ab'.repeat(20)));
        tx.putRequest(request('EX01', 'CD'.repeat(20)));
      });
      const got = store.read((tx) => tx.getRequest('ex01', 'AB'.repeat(20)));
      expect(got).toEqual(request('EX01', 'AB'.repeat(20)));
      expect(isPlainBytes(got?.csr)).toBe(true);
      store.write((tx) => tx.deleteRequest('EX01', 'ab'.repeat(20)));
      expect(store.read((tx) => tx.listRequests('EX01')).map((r) => r.thumbprint)).toEqual(['CD'.repeat(20)]);
    });

    it('round-trips server and organization configuration with Uint8Array inside, deep-frozen', () => {
      store.write((tx) => {
        tx.putServerConfig('EX01', serverConfig);
        tx.putOrgConfig(orgConfig);
      });
      const gotServer = store.read((tx) => tx.getServerConfig('ex01'));
      const gotOrg = store.read((tx) => tx.getOrgConfig());
      expect(gotServer).toEqual(serverConfig);
      expect(gotOrg).toEqual(orgConfig);
      expect(isPlainBytes(gotServer.trustedRoots[0]?.der)).toBe(true);
      expect(isPlainBytes(gotOrg.trustedVendorRoots[0]?.der)).toBe(true);
      expect(Object.isFrozen(gotServer.iisSites[0])).toBe(true);
      expect(store.read((tx) => tx.getServerConfig('EX02'))).toEqual(EMPTY_SERVER_CONFIG);
    });

    it('keeps free-form values as JSON, bytes included; undefined deletes', () => {
      const value = {
        serial: 7,
        names: ['a', 'b'],
        nested: { key: bytes(1, 2), none: null },
        buffer: Buffer.from('hi'),
      };
      store.write((tx) => {
        tx.putValue('ca', value);
        tx.putValue('n', 0);
        tx.putValue('gone', 'x');
      });
      store.write((tx) => tx.putValue('gone', undefined));
      expect(store.read((tx) => tx.getValue('ca'))).toEqual({ ...value, buffer: bytes(104, 105) });
      expect(store.read((tx) => tx.getValue('n'))).toBe(0);
      expect(store.read((tx) => tx.getValue('gone'))).toBeUndefined();
      expect(store.read((tx) => tx.getValue('CA'))).toBeUndefined();
    });

    it('rolls a throwing write back entirely and rethrows the same error', () => {
      store.write((tx) => tx.putValue('kept', 1));
      const boom = new Error('boom');
      const error = caught(() =>
        store.write((tx) => {
          tx.putServer(fakeServerRecord('EX01'));
          tx.putCertificate(fakeCertificateRecord('EX01'));
          tx.putServerConfig('EX01', serverConfig);
          tx.putOrgConfig(orgConfig);
          tx.putValue('kept', 2);
          throw boom;
        }),
      );
      expect(error).toBe(boom);
      store.read((tx) => {
        expect(tx.listServers()).toEqual([]);
        expect(tx.listCertificates('EX01')).toEqual([]);
        expect(tx.getServerConfig('EX01')).toEqual(EMPTY_SERVER_CONFIG);
        expect(tx.getOrgConfig()).toEqual(EMPTY_ORG_CONFIG);
        expect(tx.getValue('kept')).toBe(1);
      });
      expect(store.write((tx) => (tx.putValue('kept', 3), 'result'))).toBe('result');
      expect(store.read((tx) => tx.getValue('kept'))).toBe(3);
    });

    it('sees its own writes inside a write transaction', () => {
      store.write((tx) => {
        tx.putCertificate({ ...fakeCertificateRecord('EX01'), thumbprint: 'AA'.repeat(20) });
        expect(tx.getCertificate('EX01', 'aa'.repeat(20))).toBeDefined();
        tx.deleteCertificate('EX01', 'AA'.repeat(20));
        expect(tx.listCertificates('EX01')).toEqual([]);
      });
    });

    it('refuses writes in a read transaction, use of a finished tx, nesting and promises', () => {
      expect(caught(() => store.read((tx) => tx.putValue('k', 1))).code).toBe('READ_ONLY_TRANSACTION');
      const leaked = store.read((tx) => tx);
      expect(caught(() => leaked.listServers()).code).toBe('TRANSACTION_CLOSED');
      expect(caught(() => store.write(() => store.read(() => 1))).code).toBe('TRANSACTION_NESTED');
      expect(caught(() => store.read(() => store.write(() => 1))).code).toBe('TRANSACTION_NESTED');
      const async = caught(() => store.write(async (tx) => tx.putValue('k', 1)));
      expect(async).toBeInstanceOf(StoreError);
      expect(async.code).toBe('TRANSACTION_ASYNC');
      expect(store.read((tx) => tx.getValue('k'))).toBeUndefined();
    });

    it('refuses records it cannot store, leaving the state as it was', () => {
      expect(caught(() => store.write((tx) => tx.putServer(fakeServerRecord('  ')))).code).toBe('INVALID_RECORD');
      expect(
        caught(() =>
          store.write((tx) =>
            tx.putCertificate({ ...fakeCertificateRecord('EX01'), der: [1, 2] as unknown as Uint8Array }),
          ),
        ).code,
      ).toBe('INVALID_RECORD');
      expect(caught(() => store.write((tx) => tx.putValue('big', { n: 1n }))).code).toBe('INVALID_RECORD');
      expect(caught(() => store.write((tx) => tx.putValue('fn', () => 1))).code).toBe('INVALID_RECORD');
      expect(store.read((tx) => [tx.listServers(), tx.listCertificates('EX01'), tx.getValue('big')])).toEqual([
        [],
        [],
        undefined,
      ]);
    });

    it('refuses use after close', () => {
      store.close();
      expect(caught(() => store.read(() => 1)).code).toBe('STORE_CLOSED');
      expect(caught(() => store.write(() => 1)).code).toBe('STORE_CLOSED');
      store.close();
    });
  });
}
