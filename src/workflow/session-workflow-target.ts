// The workflows' target on a real backend (local, remote, ssh): sessions from the registry, the fan-out's pool,
// and the organization read through the session with Get-ExchangeServer, Get-SendConnector, Get-ReceiveConnector.
import type { Backend, RunResult } from '../backend/backend.js';
import type { BackendOptions } from '../backend/backend-options.js';
import { fanOutWork } from '../backend/fan-out.js';
import { createBackend } from '../backend/registry.js';
import { exchangeTargetOfBuild } from '../backend/session/exchange-build.js';
import { ValidationError } from '../errors/validation-error.js';
import { CmdletBuilder } from '../cmdlet/cmdlet-builder.js';
import { getExchangeServer } from '../cmdlet/get-exchange-server.js';
import { getReceiveConnector } from '../cmdlet/get-receive-connector.js';
import { getSendConnector } from '../cmdlet/get-send-connector.js';
import { script } from '../cmdlet/script-builder.js';
import { render } from '../dialect/render.js';
import type { Logger } from '../log/create-logger.js';
import { verbatim } from '../node/expression.js';
import { selectObjectSpec } from '../spec/helpers/select-object-spec.js';
import { targetFanOut } from './fan-out.js';
import { WorkflowStepError } from './run-step.js';
import type { CommandRunner, OrgConnector, OrgServer, WorkflowTarget } from './workflow-target.js';

/** A property converted to its text on the server (`[string]$_.X`), so typed Exchange values arrive as strings. */
function asText(property: string): string {
  return `@{ Name = '${property}'; Expression = { [string]$_.${property} } }`;
}

/** `<Get-... cmdlet> | Select-Object -Property ...`, rendered from the spec tables (Get-ExchangeServer, Get-*Connector). */
function orgLine(source: CmdletBuilder, properties: readonly string[]): string {
  const property = verbatim(properties.join(', '));
  return render(script().run(source, new CmdletBuilder(selectObjectSpec, { property })));
}

/** The exact lines the target runs to read the organization (logged like every other line). */
export const ORG_LINES = Object.freeze({
  servers: orgLine(getExchangeServer(), ["'Name'", asText('AdminDisplayVersion')]),
  send: orgLine(getSendConnector(), ["'Name'", asText('TlsCertificateName')]),
  receive: orgLine(getReceiveConnector(), ["'Name'", asText('Server'), asText('TlsCertificateName')]),
});

/** Options of a session target. */
export interface SessionTargetOptions {
  /** The registry's backend name: local, remote, ssh, or any registered real backend. */
  readonly backend: string;
  readonly stateDir: string;
  readonly backendOptions?: BackendOptions;
  /** Sessions working at once when many servers are served (default 4). */
  readonly throttle?: number;
  readonly log?: Logger;
}

/** The Exchange label compiled lines are rendered for, from AdminDisplayVersion (unknown builds: 2019). */
function exchangeLabel(version: unknown, name: string, log: Logger | undefined): string {
  const target = exchangeTargetOfBuild(typeof version === 'string' ? version : null);
  if (target) return target.label;
  log?.warn({ event: 'unknown-build', server: name, version }, 'unknown Exchange build; rendering for 2019');
  return '2019';
}

function runnerOver(name: string, session: (server: string) => Promise<Backend>): CommandRunner {
  return {
    backend: name,
    async run(script, options) {
      const backend = await session(options.server);
      return backend.run(script, {
        ...(options.variables ? { variables: options.variables as Readonly<Record<string, Uint8Array | string>> } : {}),
        ...(options.answers ? { answers: options.answers } : {}),
      });
    },
  };
}

/**
 * Opens a workflow target on a real backend. Calls for one server run on one session (remote without
 * --remote-server: one session per server's endpoint); per-server work fans out over the backend fan-out's pool.
 * @example
 * const t = openSessionWorkflowTarget({ backend: 'local', stateDir: '.exchcert',
 *   backendOptions: { bootstrap: 'exchange' } });
 */
export function openSessionWorkflowTarget(options: SessionTargetOptions): WorkflowTarget {
  const { backend: name, log } = options;
  const base = options.backendOptions ?? {};
  const perEndpoint = name === 'remote' && !base.remoteServer && !base.connectionUri;
  const open = (server: string) => createBackend(name, perEndpoint ? { ...base, remoteServer: server } : base);
  // The target's own sessions, by endpoint ('' when one session reaches every server).
  const sessions = new Map<string, Promise<Backend>>();
  const borrowed = new Set<string>();
  const keyOf = (server: string) => (perEndpoint ? server.toLowerCase() : '');
  const session = (server: string): Promise<Backend> => {
    const key = keyOf(server);
    let s = sessions.get(key);
    if (!s) {
      s = open(server);
      sessions.set(key, s);
      s.catch(() => sessions.delete(key));
    }
    return s;
  };
  const orgSession = (): Promise<Backend> => {
    if (perEndpoint && !base.connect) {
      throw new ValidationError({
        code: 'MISSING_OPTION',
        parameter: 'remote-server',
        value: '',
        allowed: 'a server name (--remote-server or --connect)',
        message: '--backend remote needs --remote-server NAME (or --connect NAME) to read the organization.',
      });
    }
    return session(base.connect ?? '');
  };
  const query = async (line: string): Promise<Record<string, unknown>[]> => {
    log?.info({ event: 'command', backend: name, step: 'organization', command: line }, 'executing');
    const result: RunResult = await (await orgSession()).run(line);
    if (!result.ok) {
      const why = result.errors.map((e) => e.message).join(' ');
      throw new ValidationError({
        code: 'ORGANIZATION_UNREADABLE',
        parameter: 'backend',
        value: name,
        allowed: 'a session with the Exchange cmdlets (check --bootstrap)',
        message: `${line.split(' ')[0]} failed on --backend ${name}: ${why}`,
      });
    }
    return result.output.filter((o): o is Record<string, unknown> => typeof o === 'object' && o !== null);
  };
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const runner = runnerOver(name, session);
  return {
    stateDir: options.stateDir,
    runner,
    fanOut: targetFanOut((servers, work, onDone) =>
      fanOutWork(servers, {
        throttle: options.throttle ?? 4,
        sessionPerServer: perEndpoint,
        // The target's session for a server serves the first worker there; the others open their own.
        open: async (server) => {
          const key = keyOf(server);
          if (sessions.has(key) && !borrowed.has(key)) {
            borrowed.add(key);
            const own = await sessions.get(key)!;
            return {
              backend: own,
              close: async () => {
                borrowed.delete(key);
              },
            };
          }
          const backend = await open(server);
          return { backend, close: () => backend.close() };
        },
        work: (s, server) =>
          work(
            runnerOver(name, async () => s.backend),
            server,
          ),
        // PowerShell reporting an error (a failed step, a bad value) leaves the session usable.
        keepSession: (e) => e instanceof WorkflowStepError || e instanceof ValidationError,
        onDone,
      }),
    ),
    org: {
      async servers(): Promise<OrgServer[]> {
        return (await query(ORG_LINES.servers)).map((o) => ({
          name: text(o['Name']),
          exchange: exchangeLabel(o['AdminDisplayVersion'], text(o['Name']), log),
        }));
      },
      async connectors(): Promise<OrgConnector[]> {
        const tls = (v: unknown) => (text(v) === '' ? null : text(v));
        const send = (await query(ORG_LINES.send)).map((o) => ({
          name: text(o['Name']),
          kind: 'Send' as const,
          server: null,
          tlsCertificateName: tls(o['TlsCertificateName']),
        }));
        const receive = (await query(ORG_LINES.receive)).map((o) => ({
          name: text(o['Name']),
          kind: 'Receive' as const,
          server: text(o['Server']) || null,
          tlsCertificateName: tls(o['TlsCertificateName']),
        }));
        return [...send, ...receive];
      },
      async now() {
        return new Date();
      },
    },
    async close() {
      const open = [...sessions.values()];
      sessions.clear();
      await Promise.all(open.map(async (s) => (await s.catch(() => null))?.close()));
    },
  };
}
