// Opens the backend a workflow runs on, by the name the configuration resolved (any backend of the registry).
import type { BackendOptions } from '../backend/backend-options.js';
import { backendEntry, backendNames } from '../backend/registry.js';
import { ValidationError } from '../errors/validation-error.js';
import type { Logger } from '../log/create-logger.js';
import type { WorkflowTarget } from './workflow-target.js';

/** Backends the workflows can run on: every registered backend but `print` (workflows read what they change). */
export function workflowBackends(): readonly string[] {
  return backendNames().filter((n) => n !== 'print');
}

/** How to open a target besides its backend and state folder. */
export interface OpenTargetOptions {
  /** Connection options of real backends (bootstrap, modules, remote server, ssh host...). */
  readonly backendOptions?: BackendOptions;
  /** Real backends: sessions working at once when many servers are served (default 4). */
  readonly throttle?: number;
  /** Where the organization queries of real backends are logged. */
  readonly log?: Logger;
}

/**
 * Opens `backend` with its state folder: the mock in-process, every other registered backend (local, remote, ssh)
 * through its sessions; `print` and unknown names are refused with what is allowed.
 * The mock (and SQLite) or the session code load only here, so importing the library stays light.
 * @example
 * const target = await openWorkflowTarget('local', '.exchcert', { backendOptions: { bootstrap: 'exchange' } });
 */
export async function openWorkflowTarget(
  backend: string,
  stateDir: string,
  options: OpenTargetOptions = {},
): Promise<WorkflowTarget> {
  if (backend === 'mock') return (await import('./mock-workflow-target.js')).openMockWorkflowTarget(stateDir);
  const allowed = workflowBackends().join(', ');
  if (backend === 'print') {
    throw new ValidationError({
      code: 'UNKNOWN_BACKEND',
      parameter: 'backend',
      value: backend,
      allowed,
      message:
        `--backend 'print' cannot run workflows (they read what they change). Allowed: ${allowed}. ` +
        'To see the lines without running them, use --what-if.',
    });
  }
  backendEntry(backend); // an unknown name: one line naming the backends there are
  const { openSessionWorkflowTarget } = await import('./session-workflow-target.js');
  return openSessionWorkflowTarget({ backend, stateDir, ...options });
}
