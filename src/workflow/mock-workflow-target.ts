// The workflows' target on the mock Exchange Management Shell: one state folder, any of its servers.
import { serverTarget } from '../engine/org-state.js';
import { mockNow } from '../engine/mock-environment.js';
import { mockBackend } from '../backend/mock/mock-backend.js';
import { vendorCa } from '../backend/mock/mock-state.js';
import { fanOutWork } from '../backend/fan-out.js';
import { targetFanOut } from './fan-out.js';
import type { CommandRunner } from './workflow-target.js';
import type { WorkflowTarget } from './workflow-target.js';

/**
 * Opens the mock state at `stateDir` for workflows (an empty state gets the reference organization).
 * @example const target = openMockWorkflowTarget('.exchcert'); await target.org.servers(); await target.close();
 */
export function openMockWorkflowTarget(stateDir: string): WorkflowTarget {
  const backend = mockBackend({ state: stateDir });
  const state = backend.state;
  // An empty state gets the reference organization once, however many calls arrive together.
  let ready: Promise<unknown> | undefined;
  const organization = () => (ready ??= state.exchange.defaultServer());
  const runner: CommandRunner = {
    backend: 'mock',
    async run(script, options) {
      const variables = { ...options.variables, ...Object.fromEntries(script.secretVariables) };
      const r = await backend.runText(script.text, script.shell, {
        target: options.server,
        variables,
        ...(options.answers ? { answers: options.answers } : {}),
      });
      return Object.freeze({ ...r, displayText: script.displayText });
    },
  };
  return {
    stateDir,
    runner,
    // In-process: one shared session, servers one after another (the printed lines stay in order).
    fanOut: targetFanOut((servers, work, onDone) =>
      fanOutWork(servers, {
        throttle: 1,
        shared: true,
        open: async () => ({ close: async () => undefined }),
        work: (_session, server) => work(runner, server),
        keepSession: () => true,
        onDone,
      }),
    ),
    org: {
      async servers() {
        await organization();
        return state.store.read((tx) =>
          tx.listServers().map((s) => ({ name: s.name, exchange: serverTarget(s).label })),
        );
      },
      async connectors() {
        await organization();
        return state.store.read((tx) =>
          tx.getOrgConfig().connectors.map((c) => ({
            name: c.name,
            kind: c.kind,
            server: c.server,
            tlsCertificateName: c.tlsCertificateName,
          })),
        );
      },
      async now() {
        return state.store.read((tx) => mockNow(() => new Date(), tx));
      },
      async issue(request, days) {
        const ca = await vendorCa(state);
        const now = state.store.read((tx) => mockNow(() => new Date(), tx));
        const issued = await ca.issue(request, { days, now });
        return { pem: issued.pem, thumbprint: issued.certificate.thumbprint };
      },
    },
    close: () => backend.close(),
  };
}
