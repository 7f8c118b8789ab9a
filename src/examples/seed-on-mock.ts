// The reference lifecycle run on the mock: part one, the simulated vendor, part two; each exact line with its result.
import type { RunResult } from '../backend/backend.js';
import { mockBackend } from '../backend/mock/mock-backend.js';
import type { MockBackend } from '../backend/mock/mock-backend.js';
import { mockNow } from '../engine/mock-environment.js';
import { vendorCa } from '../backend/mock/mock-state.js';
import { compile } from '../dialect/render.js';
import { variable } from '../node/expression.js';
import type { ShellVersion } from '../spec/shell-version.js';
import { SEED_PARAMETERS, seedPartOne, seedPartTwo } from './seed-runbook.js';
import type { SeedParameters } from './seed-runbook.js';

/** What the lifecycle did, step by step. */
export interface SeedRun {
  readonly partOne: RunResult;
  readonly issued: { readonly thumbprint: string; readonly subject: string; readonly path: string };
  readonly partTwo: RunResult;
}

/** The seed parameters as a runbook writes them: the thumbprint comes from the import's output object. */
export const SEED_ON_MOCK: SeedParameters = Object.freeze({
  ...SEED_PARAMETERS,
  thumbprint: variable('Cert', 'Thumbprint'),
});

/**
 * Runs the seed lifecycle on a mock backend (a fresh state gets AMS-EXCH01 on 2013 and RESEXCH01 on 2010).
 * @example const run = await runSeedOnMock(mockBackend({ state: mkdtempSync('/tmp/x') }), '5.1');
 */
export async function runSeedOnMock(
  backend: MockBackend,
  shell: ShellVersion = '5.1',
  params: SeedParameters = SEED_ON_MOCK,
  onStep?: (step: string, result?: RunResult) => void,
): Promise<SeedRun> {
  const state = backend.state;
  await state.exchange.defaultServer();
  // An admin's C:\install folder (the seed reads and writes there).
  state.fs.ensureDirectory(params.requestPath.slice(0, params.requestPath.lastIndexOf('\\')));
  const partOne = await backend.run(compile(seedPartOne(params), { shell, exchange: '2013' }));
  onStep?.('part one', partOne);
  const ca = await vendorCa(state);
  const now = state.store.read((tx) => mockNow(() => new Date(), tx));
  const issued = await ca.issue(state.fs.readFile(params.requestPath), { days: 365, now });
  state.fs.writeFile(params.issuedCertificatePath, new TextEncoder().encode(issued.pem));
  onStep?.(
    `vendor CA issued ${issued.certificate.subject} (thumbprint ${issued.certificate.thumbprint}) to ${params.issuedCertificatePath}`,
  );
  const partTwo = await backend.run(compile(seedPartTwo(params), { shell, exchange: '2013' }));
  onStep?.('part two', partTwo);
  return {
    partOne,
    issued: {
      thumbprint: issued.certificate.thumbprint,
      subject: issued.certificate.subject,
      path: params.issuedCertificatePath,
    },
    partTwo,
  };
}

export { mockBackend };
