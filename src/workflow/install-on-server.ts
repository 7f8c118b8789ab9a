// Import a PFX on one server and enable services for it, skipping what is already so (safe to repeat).
import { enableExchangeCertificate } from '../cmdlet/enable-exchange-certificate.js';
import { importExchangeCertificate } from '../cmdlet/import-exchange-certificate.js';
import { variable } from '../node/expression.js';
import { FILE_DATA_VARIABLE } from './file-data.js';
import type { Secret } from '../node/secret.js';
import { listCertificates } from './certificate-inventory.js';
import type { LocalPfx } from './pfx-file.js';
import { runStep } from './run-step.js';
import type { WorkflowContext } from './run-step.js';
import type { OrgServer } from './workflow-target.js';

export { FILE_DATA_VARIABLE };

/** What installOnServer did on one server. */
export interface InstallOutcome {
  readonly server: string;
  readonly thumbprint: string;
  readonly imported: boolean;
  readonly enabled: readonly string[];
}

/** Services Enable-ExchangeCertificate must be told about with -Force to answer the SMTP overwrite question. */
export function needsForce(services: readonly string[]): boolean {
  return services.some((s) => s.toUpperCase() === 'SMTP');
}

/**
 * Imports the PFX on `server` (unless a certificate with its thumbprint is there) and enables `services` that it
 * does not hold yet (SMTP with -Force, as the user chose SMTP). Lines: Import-ExchangeCertificate -FileData
 * $ExchcertFileData -Password $ExchcertPassword, then Enable-ExchangeCertificate.
 * @example await installOnServer(ctx, server, pfx, secret('pw', { name: 'ExchcertPassword' }), ['IIS', 'SMTP']);
 */
export async function installOnServer(
  ctx: WorkflowContext,
  server: OrgServer,
  pfx: LocalPfx,
  password: Secret,
  services: readonly string[],
): Promise<InstallOutcome> {
  const present = (await listCertificates(ctx, server)).find((c) => c.thumbprint === pfx.thumbprint);
  let imported = false;
  if (!present) {
    const importLine = importExchangeCertificate({
      server: server.name,
      fileData: variable(FILE_DATA_VARIABLE),
      password,
    });
    await runStep(ctx, server, 'import', importLine, { variables: { [FILE_DATA_VARIABLE]: pfx.bytes } });
    imported = true;
  }
  const held = new Set((present?.services ?? []).map((s) => s.toUpperCase()));
  const missing = services.filter((s) => !held.has(s.toUpperCase()));
  if (missing.length > 0) {
    const enable = enableExchangeCertificate({
      server: server.name,
      thumbprint: pfx.thumbprint,
      services: [...missing] as never,
      ...(needsForce(missing) ? { force: true } : {}),
    });
    await runStep(ctx, server, 'enable', enable);
  }
  return { server: server.name, thumbprint: pfx.thumbprint, imported, enabled: missing };
}
