// Opens the backend a workflow runs on, by the name the configuration resolved.
import { ValidationError } from '../errors/validation-error.js';
import type { WorkflowTarget } from './workflow-target.js';

/** Backends the workflows can run on in this build. */
export const WORKFLOW_BACKENDS = Object.freeze(['mock']);

/**
 * Opens `backend` with its state folder; anything but a runnable backend is refused with what is allowed.
 * The mock (and SQLite) load only here, so importing the library stays light.
 * @example const target = await openWorkflowTarget('mock', '.exchcert');
 */
export async function openWorkflowTarget(backend: string, stateDir: string): Promise<WorkflowTarget> {
  if (backend === 'mock') return (await import('./mock-workflow-target.js')).openMockWorkflowTarget(stateDir);
  const hint = backend === 'print' ? ' To see the lines without running them, use --what-if.' : '';
  throw new ValidationError({
    code: 'UNKNOWN_BACKEND',
    parameter: 'backend',
    value: backend,
    allowed: WORKFLOW_BACKENDS.join(', '),
    message: `--backend '${backend}' cannot run workflows in this build. Allowed: ${WORKFLOW_BACKENDS.join(', ')}.${hint}`,
  });
}
