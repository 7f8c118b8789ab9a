// The desired-state file of plan/apply: per server, which certificate holds which services and whether old ones go.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { parseStructured, validateStructured } from '../config/structured-document.js';
import type { StructuredDocument } from '../config/structured-document.js';
import { ValidationError } from '../errors/validation-error.js';

const SERVICES = ['IIS', 'SMTP', 'POP', 'IMAP', 'UM', 'UMCallRouter'] as const;

const serviceSchema = z.string().transform((s, ctx) => {
  const found = SERVICES.find((x) => x.toLowerCase() === s.toLowerCase());
  if (!found) {
    ctx.addIssue({ code: 'custom', message: `'${s}' is not a service. Allowed: ${SERVICES.join(', ')}` });
    return z.NEVER;
  }
  return found;
});

/** A certificate requested on the server and issued by a CA (`mock`: the mock backend's simulated vendor CA). */
const requestSchema = z.strictObject({
  subjectName: z.string().min(1, { error: 'must be an X.500 subject, e.g. CN=mail.contoso.com' }),
  domainNames: z.array(z.string().min(1)).min(1, { error: 'must list at least one DNS name' }),
  friendlyName: z.string().min(1).optional(),
});

/** Which certificate: `{ pfx: PATH }` (a PFX on this machine) or `{ request: {...}, ca: mock }`. */
const certificateSchema = z
  .strictObject({
    pfx: z.string().min(1, { error: 'must name a PFX file' }).optional(),
    request: requestSchema.optional(),
    ca: z.literal('mock', { error: "must be 'mock' (the mock backend's simulated vendor CA)" }).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.pfx !== undefined && (c.request !== undefined || c.ca !== undefined))
      ctx.addIssue({
        code: 'custom',
        path: [c.request !== undefined ? 'request' : 'ca'],
        message: 'give either pfx, or request with ca, not both',
      });
    else if (c.pfx === undefined && c.request === undefined)
      ctx.addIssue({
        code: 'custom',
        message: 'must name a PFX ({ pfx: PATH }) or a request ({ request: { subjectName, domainNames }, ca: mock })',
      });
    else if (c.request !== undefined && c.ca === undefined)
      ctx.addIssue({ code: 'custom', path: ['request'], message: 'a request needs ca: mock (the CA that issues it)' });
  });

/** The desired-state schema (passwords never come from the file: --password-env/--password-file). */
export const desiredStateSchema = z.strictObject({
  servers: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        certificate: certificateSchema,
        services: z.array(serviceSchema).default([]),
        removeOld: z.boolean().default(false),
      }),
    )
    .min(1, { error: 'must list at least one server' }),
});

/** A validated desired state, PFX paths resolved against the file's folder. */
export type DesiredState = z.output<typeof desiredStateSchema>;

/** A desired state with its document (for line-precise errors found later) and folder. */
export interface LoadedDesiredState {
  readonly state: DesiredState;
  readonly document: StructuredDocument;
  /** PFX paths on this machine, resolved against the file's folder, one per server entry (null: the request form). */
  readonly pfxPaths: readonly (string | null)[];
}

/**
 * Reads and validates a desired-state file (YAML or JSON); errors name file:line:column and the key.
 * @example const { state } = await loadDesiredState('desired.yaml', process.cwd());
 */
export async function loadDesiredState(file: string, cwd: string): Promise<LoadedDesiredState> {
  const path = resolve(cwd, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new ValidationError({
      code: 'INPUT_FILE',
      parameter: 'FILE',
      value: file,
      allowed: 'a readable desired-state file (YAML or JSON) on this machine',
      message: `Cannot read desired-state file '${file}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`,
    });
  }
  const document = parseStructured(text, file);
  const state = validateStructured(document, desiredStateSchema);
  return {
    state,
    document,
    pfxPaths: state.servers.map((s) =>
      s.certificate.pfx === undefined ? null : resolve(dirname(path), s.certificate.pfx),
    ),
  };
}

/** An error about one key of the desired-state file, at its line and column. */
export function desiredStateError(
  loaded: LoadedDesiredState,
  path: readonly PropertyKey[],
  message: string,
): ValidationError {
  const at = loaded.document.positionOf(path);
  const where = path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
  return new ValidationError({
    code: 'DOCUMENT_INVALID',
    parameter: where,
    value: `${loaded.document.file}:${at.line}:${at.column}`,
    allowed: message,
    message: `${loaded.document.file}:${at.line}:${at.column}: ${where}: ${message}`,
  });
}
