// `deploy`: one PFX imported and enabled on many servers, a summary per server.
import type { Secret } from '../node/secret.js';
import { forEachServer } from './fan-out.js';
import type { FanOutProgress, ServerOutcome } from './fan-out.js';
import { installOnServer } from './install-on-server.js';
import type { InstallOutcome } from './install-on-server.js';
import { openLocalPfx, readLocalFile } from './pfx-file.js';
import { findOrgServer } from './run-step.js';
import type { WorkflowContext } from './run-step.js';

/** Options of deploy. */
export interface DeployOptions {
  /** PFX path on this machine. */
  readonly pfx: string;
  readonly password: Secret;
  readonly servers: readonly string[];
  readonly services: readonly string[];
  readonly progress?: FanOutProgress;
}

/** Per-server outcomes of deploy; `ok` only when every server succeeded. */
export interface DeployResult {
  readonly ok: boolean;
  readonly thumbprint: string;
  readonly subject: string;
  readonly servers: readonly ServerOutcome<InstallOutcome>[];
}

/**
 * Imports the PFX (read on this machine, checked with its password first) and enables services on every server;
 * servers that already have it are left as they are. A failing server does not stop the others.
 * @example const r = await deploy(ctx, { pfx: 'webmail.pfx', password, servers: ['AMS-EXCH01'], services: ['IIS'] });
 */
export async function deploy(ctx: WorkflowContext, options: DeployOptions): Promise<DeployResult> {
  const pfx = openLocalPfx(options.pfx, await readLocalFile(options.pfx, 'pfx'), options.password);
  // Unknown names are bad input: refused before any server is touched.
  const servers = await Promise.all(options.servers.map((s) => findOrgServer(ctx.target, s)));
  const byName = new Map(servers.map((s) => [s.name, s]));
  const outcomes = await forEachServer(
    ctx,
    [...byName.keys()],
    (c, name) => installOnServer(c, byName.get(name)!, pfx, options.password, options.services),
    options.progress,
  );
  return { ok: outcomes.every((o) => o.ok), thumbprint: pfx.thumbprint, subject: pfx.subject, servers: outcomes };
}
