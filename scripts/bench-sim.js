// Bench rows of the simulated Exchange for real pwsh: the engine's round trip per cmdlet call over its socket against
// the same call in-process, and the seed lifecycle through --backend sim against the in-process mock.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dist = (root, ...p) => join(root, 'dist', ...p);

async function roundTrip(root, median) {
  const { openMockState } = await import(dist(root, 'backend', 'mock', 'mock-state.js'));
  const { serveEngine } = await import(dist(root, 'backend', 'sim', 'engine-server.js'));
  const { connectEngine } = await import(dist(root, 'backend', 'sim', 'engine-client.js'));
  const dir = mkdtempSync(join(tmpdir(), 'exchcert-bench-sim-'));
  try {
    const state = openMockState(join(dir, 'direct'));
    const server = await state.exchange.defaultServer();
    const call = { cmdlet: 'Get-ExchangeCertificate', parameterSet: 'Thumbprint', parameters: {}, shell: '7' };
    const answers = { answer: () => null };
    const direct = { ...call, connectedServer: server, line: null, column: null };
    const engine = await serveEngine({ stateDir: join(dir, 'served'), platform: process.platform });
    const client = await connectEngine(engine.path);
    await client.call({ op: 'hello' });
    const times = { direct: [], socket: [] };
    for (let round = 0; round < 7; round++) {
      let t0 = process.hrtime.bigint();
      for (let i = 0; i < 100; i++) await state.exchange.invoke(direct, answers);
      times.direct.push(Number(process.hrtime.bigint() - t0) / 1e6 / 100);
      t0 = process.hrtime.bigint();
      for (let i = 0; i < 100; i++) await client.call({ op: 'invoke', ...call });
      times.socket.push(Number(process.hrtime.bigint() - t0) / 1e6 / 100);
    }
    client.close();
    await engine.close();
    await state.settled();
    state.close();
    const [d, s] = [median(times.direct), median(times.socket)];
    return [
      [
        'engine round trip per Get-ExchangeCertificate call (socket, JSON line each way) vs in-process invoke',
        `${s.toFixed(2)} ms vs ${d.toFixed(2)} ms`,
        `${(s / d).toFixed(1)}x (+${(s - d).toFixed(2)} ms)`,
        'no Node start per call',
      ],
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function seedLifecycle(root) {
  const { mockBackend } = await import(dist(root, 'backend', 'mock', 'mock-backend.js'));
  const { simBackend } = await import(dist(root, 'backend', 'sim', 'sim-backend.js'));
  const { openMockState, vendorCa } = await import(dist(root, 'backend', 'mock', 'mock-state.js'));
  const runbooks = join(root, 'fixtures', 'runbooks');
  const one = readFileSync(join(runbooks, 'seed-part-one.ps1'), 'utf8');
  const two = readFileSync(join(runbooks, 'seed-part-two.ps1'), 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'exchcert-bench-seed-sim-'));
  // Part one, the vendor CA's step, part two: one backend, one state, timed from the first call to the last answer.
  const lifecycle = async (name, stateDir, open) => {
    mkdirSync(join(stateDir, 'fs', 'C', 'install'), { recursive: true }); // the admin's C:\install
    const backend = open(stateDir);
    const t0 = process.hrtime.bigint();
    const first = await backend.run(one, { shell: '5.1', answers: ['Y'] });
    const state = openMockState(stateDir);
    const request = state.fs.readFile('C:\\install\\ssl-request.req');
    const issued = await (await vendorCa(state)).issue(Buffer.from(request).toString('latin1'), { days: 365 });
    state.fs.writeFile('C:\\install\\webmail_exchangefun_nl.cer', new Uint8Array(Buffer.from(issued.pem, 'latin1')));
    await state.settled();
    state.close();
    const second = await backend.run(two, { shell: '5.1', answers: ['Y', 'Y', 'Y'] });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    await backend.close();
    if (!first.ok || !second.ok)
      throw new Error(`${name} seed lifecycle failed: ${JSON.stringify([...first.errors, ...second.errors])}`);
    return ms;
  };
  try {
    const mock = await lifecycle('mock', join(dir, 'mock'), (s) => mockBackend({ state: s }));
    const sim = await lifecycle('sim', join(dir, 'sim'), (s) => simBackend({ state: s }));
    return [
      [
        'seed lifecycle (part one, CA, part two) through --backend sim (pwsh + ExchcertSim) vs the in-process mock',
        `${(sim / 1000).toFixed(1)} s vs ${(mock / 1000).toFixed(1)} s`,
        `${(sim / mock).toFixed(1)}x`,
        'one run each, incl. pwsh start and a new organization',
      ],
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function benchSim({ root, median }) {
  const rows = await roundTrip(root, median);
  try {
    (await import(dist(root, 'backend', 'session', 'find-pwsh.js'))).findPwsh();
  } catch (e) {
    return [...rows, ['seed lifecycle through sim', 'skipped', '', String(e.message)]];
  }
  return [...rows, ...(await seedLifecycle(root))];
}
