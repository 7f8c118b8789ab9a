// What a workflow needs from where it runs: a command runner per server and a view of the organization.
import type { RunResult } from '../backend/backend.js';
import type { CompiledScript } from '../dialect/compiled-script.js';

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

/** What one server's work came to. */
export type ServerOutcome<T> =
  | { readonly server: string; readonly ok: true; readonly value: T }
  | { readonly server: string; readonly ok: false; readonly error: string };

/** Called as each server finishes (the CLI's progress). */
export type FanOutProgress = (done: number, total: number, server: string, ok: boolean) => void;

/** How a target runs per-server work: on its pool of sessions, handing each piece the runner of its session. */
export type TargetFanOut = <T>(
  servers: readonly string[],
  work: (runner: CommandRunner, server: string) => Promise<T>,
  progress?: FanOutProgress,
) => Promise<ServerOutcome<T>[]>;
