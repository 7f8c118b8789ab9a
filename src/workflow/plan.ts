// `plan`: the ordered exact lines that bring servers to the desired state (import -> enable -> remove old last).
import { enableExchangeCertificate } from '../cmdlet/enable-exchange-certificate.js';
import { importExchangeCertificate } from '../cmdlet/import-exchange-certificate.js';
import { newExchangeCertificate } from '../cmdlet/new-exchange-certificate.js';
import { removeExchangeCertificate } from '../cmdlet/remove-exchange-certificate.js';
import { compile } from '../dialect/render.js';
import type { Renderable } from '../dialect/render.js';
import { isExchcertError } from '../errors/exchcert-error.js';
import { variable } from '../node/expression.js';
import type { Secret } from '../node/secret.js';
import { listCertificates } from './certificate-inventory.js';
import type { CertificateSummary } from './certificate-inventory.js';
import { desiredStateError } from './desired-state.js';
import type { DesiredState, LoadedDesiredState } from './desired-state.js';
import { FILE_DATA_VARIABLE, needsForce } from './install-on-server.js';
import { openLocalPfx, readLocalFile } from './pfx-file.js';
import { shellFor } from './run-step.js';
import type { WorkflowContext } from './run-step.js';
import type { OrgServer } from './workflow-target.js';

/** One planned step: a line to run on a server, or (`issue`) the CA issuing the certificate on this machine. */
export interface PlannedAction {
  readonly server: OrgServer;
  readonly step: 'request' | 'issue' | 'import' | 'enable' | 'remove';
  /** The certificate the step is about; null while a requested certificate is not issued yet. */
  readonly thumbprint: string | null;
  /** The exact line as shown (secrets, file bytes and a thumbprint known only when it runs as variables). */
  readonly line: string;
  /** What runs; null for `issue` (the CA on this machine issues the requested certificate). */
  readonly what: Renderable | null;
  readonly variables?: Readonly<Record<string, unknown>>;
  /** Request form: the desired-state entry whose request, certificate and thumbprint carry from step to step. */
  readonly entry?: number;
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

/** The variable the backend fills with the thumbprint of a certificate imported earlier in the same apply. */
export const THUMBPRINT_VARIABLE = 'ExchcertThumbprint';

const PHASE = { request: 0, issue: 1, import: 2, enable: 3, remove: 4 } as const;

function overlaps(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a.map((d) => d.toLowerCase()));
  return b.some((d) => set.has(d.toLowerCase()));
}

/** An X.500 name's RDNs, order and spacing aside (Exchange shows .NET's order; files may use either). */
function sameName(a: string, b: string): boolean {
  const key = (n: string) =>
    n
      .split(',')
      .map((p) =>
        p
          .trim()
          .replace(/\s*=\s*/, '=')
          .toLowerCase(),
      )
      .sort()
      .join(',');
  return key(a) === key(b);
}

/** The certificate an entry wants, as far as the plan knows it. */
interface Wanted {
  /** Null while the requested certificate is not issued (it is requested, issued and imported by the plan). */
  readonly thumbprint: string | null;
  readonly present: CertificateSummary | undefined;
  readonly domains: readonly string[];
  /** How a connector would name it; null when not known yet. */
  readonly tlsName: string | null;
}

type Entry = DesiredState['servers'][number];

/**
 * Compares each server's certificates with the desired state and plans what differs: import the PFX (or request,
 * issue and import a certificate) where it is missing, enable services it lacks, then (removeOld) remove older
 * certificates for the same names; a removal is refused while the old certificate would still hold a service or a
 * connector names it.
 * @example const plan = await makePlan(ctx, await loadDesiredState('desired.yaml', '.'), password);
 */
export async function makePlan(ctx: WorkflowContext, loaded: LoadedDesiredState, password: Secret): Promise<Plan> {
  const servers = await ctx.target.org.servers();
  const connectors = await ctx.target.org.connectors();
  const now = await ctx.target.org.now();
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
    const certs = inventory.get(server.name) ?? (await listCertificates(ctx, server));
    inventory.set(server.name, certs);
    const add = (
      step: PlannedAction['step'],
      thumbprint: string | null,
      what: Renderable | null,
      extra: { line?: string; variables?: Record<string, unknown>; entry?: number } = {},
    ) => {
      const line = extra.line ?? compile(what!, { shell: shellFor(server), exchange: server.exchange }).displayText;
      actions.push({
        server,
        step,
        thumbprint,
        line,
        what,
        ...(extra.variables ? { variables: extra.variables } : {}),
        ...(extra.entry !== undefined ? { entry: extra.entry } : {}),
      });
    };
    const wanted =
      entry.certificate.pfx !== undefined
        ? await wantPfx(loaded, i, password, certs, add)
        : wantRequest(ctx, loaded, i, entry, server, certs, now, add);
    const held = new Set(wanted.present?.services ?? []);
    const missing = entry.services.filter((s) => !held.has(s));
    if (missing.length > 0)
      add(
        'enable',
        wanted.thumbprint,
        enableExchangeCertificate({
          server: server.name,
          thumbprint: wanted.thumbprint ?? variable(THUMBPRINT_VARIABLE),
          services: missing,
          ...(needsForce(missing) ? { force: true } : {}),
        }),
        wanted.thumbprint === null ? { entry: i } : {},
      );
    if (!entry.removeOld) continue;
    for (const old of certs) {
      if (
        old.thumbprint === wanted.thumbprint ||
        old.isSelfSigned ||
        old.status === 'PendingRequest' ||
        !overlaps(old.domains, wanted.domains)
      )
        continue;
      const kept = old.services.filter((s) => !entry.services.includes(s as never));
      const connector = connectors.find(
        (c) =>
          c.tlsCertificateName !== null &&
          c.tlsCertificateName.toLowerCase() === old.tlsCertificateName.toLowerCase() &&
          old.tlsCertificateName.toLowerCase() !== wanted.tlsName?.toLowerCase(),
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
        add(
          'remove',
          old.thumbprint,
          removeExchangeCertificate({ server: server.name, thumbprint: old.thumbprint, confirm: false }),
        );
    }
  }
  // request -> issue -> import -> enable -> remove old last, across servers; file order within a phase.
  const ordered = actions
    .map((a, i) => ({ a, i }))
    .sort((x, y) => PHASE[x.a.step] - PHASE[y.a.step] || x.i - y.i)
    .map((x) => x.a);
  return { actions: ordered, refusals };
}

type Add = (
  step: PlannedAction['step'],
  thumbprint: string | null,
  what: Renderable | null,
  extra?: { line?: string; variables?: Record<string, unknown>; entry?: number },
) => void;

/** The PFX form: opened on this machine (its thumbprint is known), imported where it is missing. */
async function wantPfx(
  loaded: LoadedDesiredState,
  i: number,
  password: Secret,
  certs: readonly CertificateSummary[],
  add: Add,
): Promise<Wanted> {
  const path = loaded.pfxPaths[i]!;
  let pfx;
  try {
    pfx = openLocalPfx(path, await readLocalFile(path, 'pfx'), password);
  } catch (e) {
    if (isExchcertError(e)) throw desiredStateError(loaded, ['servers', i, 'certificate', 'pfx'], e.message);
    throw e;
  }
  const server = loaded.state.servers[i]!.name;
  const present = certs.find((c) => c.thumbprint === pfx.thumbprint);
  if (!present)
    add(
      'import',
      pfx.thumbprint,
      importExchangeCertificate({ server, fileData: variable(FILE_DATA_VARIABLE), password }),
      { variables: { [FILE_DATA_VARIABLE]: pfx.bytes } },
    );
  return {
    thumbprint: pfx.thumbprint,
    present,
    domains: present?.domains ?? readDomains(pfx.subject),
    tlsName: `<I>${pfx.issuer}<S>${pfx.subject}`,
  };
}

/**
 * The request form: a valid certificate for the subject and every name is the one wanted; without one, the plan
 * requests it on the server, the CA issues it, and it is imported (completing the request).
 */
function wantRequest(
  ctx: WorkflowContext,
  loaded: LoadedDesiredState,
  i: number,
  entry: Entry,
  server: OrgServer,
  certs: readonly CertificateSummary[],
  now: Date,
  add: Add,
): Wanted {
  const request = entry.certificate.request!;
  const domains = request.domainNames;
  const present = certs
    .filter(
      (c) =>
        c.status !== 'PendingRequest' &&
        c.hasPrivateKey &&
        c.notAfter > now &&
        sameName(c.subject, request.subjectName) &&
        domains.every((d) => c.domains.some((x) => x.toLowerCase() === d.toLowerCase())),
    )
    .sort((a, b) => b.notAfter.getTime() - a.notAfter.getTime())[0];
  if (present) return { thumbprint: present.thumbprint, present, domains, tlsName: present.tlsCertificateName };
  if (!ctx.target.org.issue)
    throw desiredStateError(
      loaded,
      ['servers', i, 'certificate', 'ca'],
      'ca: mock needs the mock backend (its simulated vendor CA); on other backends give a PFX ({ pfx: PATH })',
    );
  let what: Renderable;
  try {
    what = newExchangeCertificate({
      generateRequest: true,
      server: server.name,
      subjectName: request.subjectName,
      domainName: [...domains],
      privateKeyExportable: true,
      ...(request.friendlyName !== undefined ? { friendlyName: request.friendlyName } : {}),
    });
    compile(what, { shell: shellFor(server), exchange: server.exchange });
  } catch (e) {
    if (isExchcertError(e)) throw desiredStateError(loaded, ['servers', i, 'certificate', 'request'], e.message);
    throw e;
  }
  add('request', null, what, { entry: i });
  const issueLine = `# the ${entry.certificate.ca} CA issues the certificate for this request`;
  add('issue', null, null, { entry: i, line: issueLine });
  add('import', null, importExchangeCertificate({ server: server.name, fileData: variable(FILE_DATA_VARIABLE) }), {
    entry: i,
  });
  return { thumbprint: null, present: undefined, domains, tlsName: null };
}

function readDomains(subject: string): string[] {
  const cn = /CN=([^,]+)/i.exec(subject);
  return cn ? [cn[1]!.trim()] : [];
}
