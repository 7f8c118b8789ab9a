// Runs one piece of work per server. Replaceable: the real-sessions fan-out pool can stand in for this loop.
/** What one server's work came to. */
export type ServerOutcome<T> =
  | { readonly server: string; readonly ok: true; readonly value: T }
  | { readonly server: string; readonly ok: false; readonly error: string };

/** Called as each server finishes (the CLI's progress). */
export type FanOutProgress = (done: number, total: number, server: string, ok: boolean) => void;

/**
 * Runs `work` for every server, one after another, collecting each outcome (a failure does not stop the others).
 * This is the single place the workflows fan out; a pool of real sessions replaces it without changing callers.
 * @example const outcomes = await forEachServer(['EX1', 'EX2'], async (s) => install(s));
 */
export async function forEachServer<T>(
  servers: readonly string[],
  work: (server: string) => Promise<T>,
  progress?: FanOutProgress,
): Promise<ServerOutcome<T>[]> {
  const outcomes: ServerOutcome<T>[] = [];
  for (const server of servers) {
    try {
      outcomes.push({ server, ok: true, value: await work(server) });
    } catch (e) {
      outcomes.push({ server, ok: false, error: (e as Error).message });
    }
    progress?.(outcomes.length, servers.length, server, outcomes[outcomes.length - 1]!.ok);
  }
  return outcomes;
}
