// Small helpers for reading and changing one server's configuration record.
import type { ServerConfig, StateTransaction } from './org-state.js';

/**
 * Replaces a server's configuration with `change(current)`.
 * @example updateServerConfig(tx, 'EX01', (c) => ({ ...c, pop3CertificateName: 'mail.contoso.com' }))
 */
export function updateServerConfig(
  tx: StateTransaction,
  server: string,
  change: (current: ServerConfig) => ServerConfig,
): ServerConfig {
  const next = change(tx.getServerConfig(server));
  tx.putServerConfig(server, next);
  return next;
}
