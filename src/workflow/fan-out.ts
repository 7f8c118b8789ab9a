// Runs one piece of work per server on the target's pool of sessions (the backend fan-out), each with its own runner.
import type { WorkOutcome } from '../backend/fan-out.js';
import type { WorkflowContext } from './run-step.js';
import type { CommandRunner, FanOutProgress, ServerOutcome, TargetFanOut } from './workflow-target.js';

export type { FanOutProgress, ServerOutcome, TargetFanOut };

/**
 * Runs `work` for every server through the target's fan-out (a throttled pool of sessions on real backends), each
 * with a context whose runner is its session's; a failure does not stop the others.
 * @example const outcomes = await forEachServer(ctx, ['EX1', 'EX2'], (c, s) => listCertificates(c, byName.get(s)!));
 */
export function forEachServer<T>(
  ctx: WorkflowContext,
  servers: readonly string[],
  work: (ctx: WorkflowContext, server: string) => Promise<T>,
  progress?: FanOutProgress,
): Promise<ServerOutcome<T>[]> {
  return ctx.target.fanOut(
    servers,
    (runner, server) => work({ ...ctx, target: { ...ctx.target, runner } }, server),
    progress,
  );
}

/** A pool that runs per-server work and reports each outcome as it finishes (the backend fan-out, bound). */
export type WorkPool = <T>(
  servers: readonly string[],
  work: (runner: CommandRunner, server: string) => Promise<T>,
  onDone: (outcome: WorkOutcome<T>) => void,
) => Promise<WorkOutcome<T>[]>;

/**
 * A target's fan-out over a pool: counts finished servers for the progress callback and keeps each failure's message.
 * @example
 * fanOut: targetFanOut((servers, work, onDone) =>
 *   fanOutWork(servers, { open, work: (b, s) => work(runnerOf(b), s), onDone }))
 */
export function targetFanOut(pool: WorkPool): TargetFanOut {
  return async (servers, work, progress) => {
    let done = 0;
    const outcomes = await pool(servers, work, (o) => progress?.(++done, servers.length, o.server, o.ok));
    return outcomes.map((o) => (o.ok ? o : { server: o.server, ok: false as const, error: o.error }));
  };
}
