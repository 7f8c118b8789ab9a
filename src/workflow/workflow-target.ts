// What a workflow needs from where it runs: a command runner per server and a view of the organization.
import type { RunResult } from '../backend/backend.js';
import type { CompiledScript } from '../dialect/compiled-script.js';
import type { TargetFanOut } from './fan-out.js';

/** Options of one run on one server. */
export interface RunOnServer {
  /** The server the line runs on (its session, or the mock connected to it). */
  readonly server: string;
  /** Values the backend sets before the line runs, by variable name without `$` (file bytes read on this machine). */
  readonly variables?: Readonly<Record<string, unknown>>;
  readonly answers?: readonly ('Y' | 'A' | 'N' | 'L')[];
}

/** Runs compiled lines on a server; secrets and variables travel beside the text, never in it. */
export interface CommandRunner {
  readonly backend: string;
  run(script: CompiledScript, options: RunOnServer): Promise<RunResult>;
}

/** One Exchange server as the workflows see it. */
export interface OrgServer {
  readonly name: string;
  /** Exchange target label for the compiler, e.g. `2013-CU23`, `2010`. */
  readonly exchange: string;
}

/** A Send or Receive connector and the certificate it names (TlsCertificateName, `<I>issuer<S>subject`). */
export interface OrgConnector {
  readonly name: string;
  readonly kind: 'Send' | 'Receive';
  readonly server: string | null;
  readonly tlsCertificateName: string | null;
}

/** A certificate the vendor issued for a request. */
export interface IssuedCertificate {
  readonly pem: string;
  readonly thumbprint: string;
}

/** What a workflow can ask about the organization (the mock keeps it; real shells answer with Get-* cmdlets). */
export interface OrgInspector {
  servers(): Promise<readonly OrgServer[]>;
  connectors(): Promise<readonly OrgConnector[]>;
  /** The organization's clock (the mock's may be advanced). */
  now(): Promise<Date>;
  /** The simulated vendor CA, where there is one (`renew --ca mock`). */
  issue?(request: Uint8Array, days: number): Promise<IssuedCertificate>;
}

/** A backend opened for workflows. */
export interface WorkflowTarget {
  readonly runner: CommandRunner;
  readonly org: OrgInspector;
  /** The state folder: the workflows remember pending work there (`workflows.json`). */
  readonly stateDir: string;
  /** Runs per-server work on the backend's pool of sessions (throttled on real shells; one by one on the mock). */
  readonly fanOut: TargetFanOut;
  close(): Promise<void>;
}
