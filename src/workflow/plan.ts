// `plan`: the ordered exact lines that bring servers to the desired state (import -> enable -> remove old last).
import { enableExchangeCertificate } from '../cmdlet/enable-exchange-certificate.js';
import { importExchangeCertificate } from '../cmdlet/import-exchange-certificate.js';
import { removeExchangeCertificate } from '../cmdlet/remove-exchange-certificate.js';
import { compile } from '../dialect/render.js';
import type { Renderable } from '../dialect/render.js';
import { isExchcertError } from '../errors/exchcert-error.js';
import { variable } from '../node/expression.js';
import type { Secret } from '../node/secret.js';
import { listCertificates } from './certificate-inventory.js';
import type { CertificateSummary } from './certificate-inventory.js';
import { desiredStateError } from './desired-state.js';
import type { LoadedDesiredState } from './desired-state.js';
import { FILE_DATA_VARIABLE, needsForce } from './install-on-server.js';
import { openLocalPfx, readLocalFile } from './pfx-file.js';
import { shellFor } from './run-step.js';
import type { WorkflowContext } from './run-step.js';
import type { OrgServer } from './workflow-target.js';

/** One planned line. */
export interface PlannedAction {
  readonly server: OrgServer;
  readonly step: 'import' | 'enable' | 'remove';
  readonly thumbprint: string;
  /** The exact line as shown (secrets and file bytes as variables). */
  readonly line: string;
  readonly what: Renderable;
  readonly variables?: Readonly<Record<string, unknown>>;
}

/** A removal the plan will not make, and why. */
export interface Refusal {
  readonly server: string;
  readonly thumbprint: string;
  readonly reason: string;
}

/** The plan: actions in the order they run, and removals refused. */
export interface Plan {
  readonly actions: readonly PlannedAction[];
  readonly refusals: readonly Refusal[];
}

const PHASE = { import: 0, enable: 1, remove: 2 } as const;

function overlaps(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a.map((d) => d.toLowerCase()));
  return b.some((d) => set.has(d.toLowerCase()));
}

/**
 * Compares each server's certificates with the desired state and plans what differs: import the PFX where it is
 * missing, enable services it lacks, then (removeOld) remove older certificates for the same names; a removal is
 * refused while the old certificate would still hold a service or a connector names it.
 * @example const plan = await makePlan(ctx, await loadDesiredState('desired.yaml', '.'), password);
 */
export async function makePlan(ctx: WorkflowContext, loaded: LoadedDesiredState, password: Secret): Promise<Plan> {
  const servers = await ctx.target.org.servers();
  const connectors = await ctx.target.org.connectors();
  const actions: PlannedAction[] = [];
  const refusals: Refusal[] = [];
  const inventory = new Map<string, CertificateSummary[]>();
  for (const [i, entry] of loaded.state.servers.entries()) {
    const server = servers.find((s) => s.name.toLowerCase() === entry.name.toLowerCase());
    if (!server)
      throw desiredStateError(
        loaded,
        ['servers', i, 'name'],
        `'${entry.name}' is not a server of the organization. Servers: ${servers.map((s) => s.name).join(', ')}`,
      );
    const path = loaded.pfxPaths[i]!;
    let pfx;
    try {
      pfx = openLocalPfx(path, await readLocalFile(path, 'pfx'), password);
    } catch (e) {
      if (isExchcertError(e)) throw desiredStateError(loaded, ['servers', i, 'certificate', 'pfx'], e.message);
      throw e;
    }
    const certs = inventory.get(server.name) ?? (await listCertificates(ctx, server));
    inventory.set(server.name, certs);
    const present = certs.find((c) => c.thumbprint === pfx.thumbprint);
    const add = (step: PlannedAction['step'], what: Renderable, variables?: Record<string, unknown>) => {
      const line = compile(what, { shell: shellFor(server), exchange: server.exchange }).displayText;
      actions.push({ server, step, thumbprint: pfx.thumbprint, line, what, ...(variables ? { variables } : {}) });
    };
    if (!present)
      add(
        'import',
        importExchangeCertificate({ server: server.name, fileData: variable(FILE_DATA_VARIABLE), password }),
        { [FILE_DATA_VARIABLE]: pfx.bytes },
      );
    const held = new Set(present?.services ?? []);
    const missing = entry.services.filter((s) => !held.has(s));
    if (missing.length > 0)
      add(
        'enable',
        enableExchangeCertificate({
          server: server.name,
          thumbprint: pfx.thumbprint,
          services: missing,
          ...(needsForce(missing) ? { force: true } : {}),
        }),
      );
    if (!entry.removeOld) continue;
    const domains = present?.domains ?? readDomains(pfx.subject);
    const newName = `<I>${pfx.issuer}<S>${pfx.subject}`;
    for (const old of certs) {
      if (
        old.thumbprint === pfx.thumbprint ||
        old.isSelfSigned ||
        old.status === 'PendingRequest' ||
        !overlaps(old.domains, domains)
      )
        continue;
      const kept = old.services.filter((s) => !entry.services.includes(s as never));
      const connector = connectors.find(
        (c) =>
          c.tlsCertificateName !== null &&
          c.tlsCertificateName.toLowerCase() === old.tlsCertificateName.toLowerCase() &&
          old.tlsCertificateName.toLowerCase() !== newName.toLowerCase(),
      );
      if (kept.length > 0)
        refusals.push({
          server: server.name,
          thumbprint: old.thumbprint,
          reason: `it would still hold ${kept.join(', ')} (not in the desired services)`,
        });
      else if (connector)
        refusals.push({
          server: server.name,
          thumbprint: old.thumbprint,
          reason: `${connector.kind} connector '${connector.name}' names it in TlsCertificateName`,
        });
      else
        add('remove', removeExchangeCertificate({ server: server.name, thumbprint: old.thumbprint, confirm: false }));
    }
  }
  // import -> enable -> remove old last, across servers; file order within a phase.
  const ordered = actions
    .map((a, i) => ({ a, i }))
    .sort((x, y) => PHASE[x.a.step] - PHASE[y.a.step] || x.i - y.i)
    .map((x) => x.a);
  return { actions: ordered, refusals };
}

function readDomains(subject: string): string[] {
  const cn = /CN=([^,]+)/i.exec(subject);
  return cn ? [cn[1]!.trim()] : [];
}
