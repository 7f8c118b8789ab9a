// Error records as Exchange writes them (rule 9, ERRORS.md §0), the approximation list and the engine's entry points.
import { describe, expect, it } from '@jest/globals';
import { APPROXIMATED_MESSAGES, DEFAULT_ORGANIZATION, createMockExchange } from '../../src/engine/index.js';
import { createMemoryStateStore } from '../../src/engine/store/memory-state-store.js';
import { createMemoryFs } from './support/memory-fs.js';
import { pooledKeys } from './support/key-pool.js';
import { testOrg } from './support/test-org.js';

/** A server spec's Exchange version as text. */
function exchangeText(exchange: string | { readonly label: string }): string {
  return typeof exchange === 'string' ? exchange : exchange.label;
}
describe('error records', () => {
  it("rule 9: server errors are non-terminating, prefixed with the target's short name, and carry Exchange's FullyQualifiedErrorId", async () => {
    const org = await testOrg();
    const r = await org.run('Remove-ExchangeCertificate', {
      server: 'resexch01.labs.local',
      thumbprint: 'AB12',
      confirm: false,
    });
    const e = r.errors[0]!;
    expect(e.message).toBe(
      'A special Rpc error occurs on server RESEXCH01: The certificate with thumbprint AB12 was not found.',
    );
    expect(e.terminating).toBe(false);
    expect(e.command).toBe('Remove-ExchangeCertificate');
    expect([e.line, e.column]).toEqual([1, 1]);
    expect(e.fullyQualifiedErrorId).toMatch(
      /^\[Server=AMS-EXCH01,RequestId=[0-9a-f-]{36},TimeStamp=\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}:\d{2} (AM|PM)\] \[FailureCategory=Cmdlet-InvalidOperationException\] [0-9A-F]{8},Microsoft\.Exchange\.Management\.SystemConfigurationTasks\.RemoveExchangeCertificate$/,
    );
    expect(e.errorId).toMatch(/^[0-9A-F]{8}$/);
    expect(e.fullyQualifiedErrorId).toContain(`] ${e.errorId},`);
  });

  it('rule 9: checks the cmdlet makes itself carry no RPC prefix (ArgumentException)', async () => {
    const org = await testOrg();
    const r = await org.run('New-ExchangeCertificate', { binaryEncoded: true });
    expect(r.errors[0]!.message.startsWith('A special Rpc error')).toBe(false);
    expect(r.errors[0]!.fullyQualifiedErrorId).toContain('[FailureCategory=Cmdlet-ArgumentException]');
  });

  it('a session on an Exchange 2010 server writes the plain <token>,<class> id (no [Server=...] part)', async () => {
    const org = await testOrg();
    const r = await org.run('Get-ExchangeCertificate', { thumbprint: 'AB' }, { connected: 'RESEXCH01' });
    expect(r.errors[0]!.message).toBe(
      'A special Rpc error occurs on server RESEXCH01: The certificate with thumbprint AB was not found.',
    );
    expect(r.errors[0]!.fullyQualifiedErrorId).toMatch(
      /^[0-9A-F]{8},Microsoft\.Exchange\.Management\.SystemConfigurationTasks\.GetExchangeCertificate$/,
    );
  });

  it('APPROXIMATED_MESSAGES lists each approximation once with its reason', () => {
    const ids = APPROXIMATED_MESSAGES.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of APPROXIMATED_MESSAGES) {
      expect(m.text.length).toBeGreaterThan(10);
      expect(m.why.length).toBeGreaterThan(10);
    }
  });
});

describe('createMockExchange', () => {
  it('defaultServer() creates the reference organization in an empty state and returns its first server', async () => {
    const store = createMemoryStateStore();
    const exchange = createMockExchange({
      store,
      fs: createMemoryFs(),
      keys: pooledKeys,
      clock: () => new Date('2024-03-01T00:00:00Z'),
    });
    expect(await exchange.defaultServer()).toBe('AMS-EXCH01');
    expect(store.read((tx) => tx.listServers().map((s) => `${s.name}/${s.major}`))).toEqual(
      DEFAULT_ORGANIZATION.map((s) => `${s.name}/${exchangeText(s.exchange)}`),
    );
    expect(await exchange.defaultServer()).toBe('AMS-EXCH01');
  });

  it('refuses cmdlets it does not simulate', async () => {
    const org = await testOrg();
    await expect(org.run('Get-Mailbox')).rejects.toThrow(TypeError);
  });
});
