// Runs one simulated cmdlet call and resolves its target (Exchange's PrepareParameters): shared by the six cmdlets.
import type { CallContext } from './call-context.js';
import { CMDLET_NAMESPACE } from './call-context.js';
import { CmdletFailure } from './cmdlet-failure.js';
import { ambiguousParameterSetMessage } from '../spec/shell-version.js';
import { MockTerminatingError } from './mock-exchange.js';
import type { CmdletOutcome } from './mock-exchange.js';
import type { ServerRecord, StateTransaction } from './org-state.js';
import { parseCertificateIdentity, resolveTargetServer } from './server-lookup.js';
import { unifyThumbprint } from './thumbprint-format.js';

/**
 * Runs `body`; a CmdletFailure becomes the call's one non-terminating error, terminating errors propagate.
 * @example return runCall(ctx, () => getExchangeCertificate(ctx))
 */
export async function runCall(ctx: CallContext, body: () => Promise<void> | void): Promise<CmdletOutcome> {
  try {
    await body();
  } catch (error) {
    if (!(error instanceof CmdletFailure)) throw error;
    ctx.fail(error.info);
  }
  return ctx.outcome();
}

/** The terminating parameter-set error (normally the binder's; raised defensively when -Server and -Identity both arrive). */
function ambiguousParameterSet(ctx: CallContext): MockTerminatingError {
  return new MockTerminatingError(
    Object.freeze({
      message: ambiguousParameterSetMessage(ctx.call.shell),
      category: 'InvalidArgument',
      errorId: 'AmbiguousParameterSet',
      fullyQualifiedErrorId: `AmbiguousParameterSet,${CMDLET_NAMESPACE}.${ctx.className}`,
      command: ctx.call.cmdlet,
      terminating: true,
      line: ctx.call.line,
      column: ctx.call.column,
    }),
  );
}

/** The target server and the thumbprint a Thumbprint/Identity cmdlet works on. */
export interface CertificateTarget {
  readonly server: ServerRecord;
  /** Unified (rule 7); undefined when neither -Thumbprint nor an Identity thumbprint was given. */
  readonly thumbprint: string | undefined;
}

/**
 * PrepareParameters + InternalValidate of Get/Enable/Export/Remove: -Server, else Identity's server part, else the
 * connected server; the thumbprint from -Thumbprint or Identity; spaces pasted from the certificate dialog removed.
 */
export function prepareCertificateTarget(
  ctx: CallContext,
  tx: StateTransaction,
  options: { readonly mailboxForCas?: boolean } = {},
): CertificateTarget {
  const p = ctx.params;
  if (p.has('server') && p.has('identity')) throw ambiguousParameterSet(ctx);
  const identity = p.has('identity') ? parseCertificateIdentity(p.raw('identity')) : undefined;
  const server = resolveTargetServer(tx, {
    server: p.string('server'),
    identity,
    connected: ctx.call.connectedServer,
    ...(options.mailboxForCas ? { mailboxForCas: true } : {}),
  });
  const given = p.raw('thumbprint');
  const raw = !p.has('thumbprint')
    ? identity?.thumbprint
    : typeof given === 'object' && given !== null
      ? thumbprintOfObject(given)
      : p.string('thumbprint');
  return { server, thumbprint: raw === undefined || raw === '' ? raw : unifyThumbprint(raw) };
}

/** A Thumbprint property of a piped object that reached -Thumbprint unconverted. */
function thumbprintOfObject(value: unknown): string | undefined {
  if (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<string, unknown>)['Thumbprint'] === 'string'
  ) {
    return (value as Record<string, string>)['Thumbprint'];
  }
  return undefined;
}

/** The target of New/Import (only -Server or the connected server). */
export function prepareServerTarget(ctx: CallContext, tx: StateTransaction): ServerRecord {
  return resolveTargetServer(tx, {
    server: ctx.params.string('server'),
    identity: undefined,
    connected: ctx.call.connectedServer,
  });
}
