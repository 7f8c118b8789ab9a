// Test helper: a simulated organization with a ticking virtual clock, scripted prompt answers and state snapshots.
import { createMemoryStateStore } from '../../../src/engine/store/memory-state-store.js';
import { encodeStateJson } from '../../../src/engine/store/state-json.js';
import { addServer, createMockExchange } from '../../../src/engine/index.js';
import type { AddServerSpec } from '../../../src/engine/index.js';
import type { AnswerProvider, CmdletOutcome, MockExchange, Prompt } from '../../../src/engine/mock-exchange.js';
import type { StateStore } from '../../../src/engine/org-state.js';
import type { ShellVersion } from '../../../src/spec/shell-version.js';
import type { ExchangeCertificate } from '../../../src/spec/output/exchange-certificate.js';
import { createMemoryFs } from './memory-fs.js';
import type { MemoryFs } from './memory-fs.js';
import { pooledKeys } from './key-pool.js';

/** The moment the test organizations are set up. */
export const BASE_TIME = new Date('2024-03-01T10:00:00Z');

/** The seed organization: AMS-EXCH01 (2013) and RESEXCH01 (2010). */
export const SEED_SERVERS: readonly AddServerSpec[] = [
  { name: 'AMS-EXCH01', fqdn: 'AMS-EXCH01.labs.local', exchange: '2013' },
  { name: 'RESEXCH01', fqdn: 'RESEXCH01.labs.local', exchange: '2010' },
];

type Answer = 'Y' | 'A' | 'N' | 'L' | null;

/** What one run produced, with the questions asked. */
export interface RunResult extends CmdletOutcome {
  readonly prompts: readonly Prompt[];
}

/** Options of one run. */
export interface RunOptions {
  readonly connected?: string;
  readonly shell?: ShellVersion;
  /** Answers in order; when they run out the provider returns null (nobody can answer). */
  readonly answers?: readonly Answer[];
}

/** A test organization. */
export interface TestOrg {
  readonly store: StateStore;
  readonly fs: MemoryFs;
  readonly exchange: MockExchange;
  run(cmdlet: string, parameters?: Record<string, unknown>, options?: RunOptions): Promise<RunResult>;
  /** Runs Get-ExchangeCertificate and returns its objects. */
  get(parameters?: Record<string, unknown>, options?: RunOptions): Promise<ExchangeCertificate[]>;
  /** The whole state as JSON text, to compare before/after a failed call. */
  snapshot(): string;
}

/** A scripted AnswerProvider that records the prompts. */
export function scriptedAnswers(answers: readonly Answer[], prompts: Prompt[]): AnswerProvider {
  const queue = [...answers];
  return {
    answer(prompt: Prompt) {
      prompts.push(prompt);
      return queue.length > 0 ? queue.shift()! : null;
    },
  };
}

/** Everything in a store, as JSON (records, configurations and the values the mock uses). */
export function snapshotStore(store: StateStore): string {
  return store.read((tx) => {
    const servers = tx.listServers().map((s) => ({
      server: s,
      certificates: tx.listCertificates(s.name),
      requests: tx.listRequests(s.name),
      config: tx.getServerConfig(s.name),
      intermediates: tx.getValue(`exchange.intermediates.${s.name.toLowerCase()}`) ?? null,
    }));
    return encodeStateJson({
      servers,
      org: tx.getOrgConfig(),
      auth: tx.getValue('exchange.authCertificate') ?? null,
      intermediates: tx.getValue('exchange.intermediates') ?? null,
    });
  });
}

/**
 * A fresh organization (default: the seed servers) whose clock starts at BASE_TIME and ticks one second per reading.
 * @example const org = await testOrg(); const certs = await org.get({ server: 'AMS-EXCH01' });
 */
export async function testOrg(servers: readonly AddServerSpec[] = SEED_SERVERS): Promise<TestOrg> {
  const store = createMemoryStateStore();
  const fs = createMemoryFs();
  for (const spec of servers) await addServer(store, spec, BASE_TIME, pooledKeys);
  let tick = BASE_TIME.getTime();
  const clock = (): Date => new Date((tick += 1000));
  const exchange = createMockExchange({ store, fs, clock, keys: pooledKeys });
  const run = async (
    cmdlet: string,
    parameters: Record<string, unknown> = {},
    options: RunOptions = {},
  ): Promise<RunResult> => {
    const prompts: Prompt[] = [];
    const outcome = await exchange.invoke(
      {
        cmdlet,
        parameterSet: '',
        parameters,
        connectedServer: options.connected ?? servers[0]!.name,
        shell: options.shell ?? '5.1',
        line: 1,
        column: 1,
      },
      scriptedAnswers(options.answers ?? [], prompts),
    );
    return { ...outcome, prompts };
  };
  return {
    store,
    fs,
    exchange,
    run,
    get: async (parameters = {}, options = {}) => {
      const r = await run('Get-ExchangeCertificate', parameters, options);
      if (r.errors.length > 0) throw new Error(`Get-ExchangeCertificate failed: ${r.errors[0]!.message}`);
      return r.output as ExchangeCertificate[];
    },
    snapshot: () => snapshotStore(store),
  };
}

/** The certificate with this friendly name (Get output), failing the test when absent. */
export function byFriendlyName(certs: readonly ExchangeCertificate[], name: string): ExchangeCertificate {
  const hit = certs.find((c) => c.FriendlyName === name);
  if (!hit) throw new Error(`no certificate '${name}' among ${certs.map((c) => c.FriendlyName).join(', ')}`);
  return hit;
}

/** The certificate with this Subject (Get output), failing the test when absent. */
export function bySubject(certs: readonly ExchangeCertificate[], subject: string): ExchangeCertificate {
  const hit = certs.find((c) => c.Subject === subject);
  if (!hit) throw new Error(`no certificate '${subject}' among ${certs.map((c) => c.Subject).join(', ')}`);
  return hit;
}
