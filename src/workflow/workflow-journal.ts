// What the workflows remember between runs (pending requests, steps done), kept as JSON in the state folder.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ValidationError } from '../errors/validation-error.js';

/** The journal's file name inside the state folder. */
export const JOURNAL_FILE = 'workflows.json';

const renewalSchema = z.object({
  server: z.string(),
  subjectName: z.string(),
  requestThumbprint: z.string(),
  requestFile: z.string(),
  createdAt: z.string(),
  thumbprint: z.string().optional(),
  done: z.array(z.string()),
});

const journalSchema = z.object({ renewals: z.record(z.string(), renewalSchema) });

/** A renewal under way: the request made on the server and the steps finished since. */
export type PendingRenewal = z.output<typeof renewalSchema>;

type Journal = z.output<typeof journalSchema>;

/** The journal key of a renewal: one per server and subject. */
export function renewalKey(server: string, subjectName: string): string {
  return `${server.toLowerCase()}|${subjectName.toLowerCase()}`;
}

function read(stateDir: string): Journal {
  let text: string;
  try {
    text = readFileSync(join(stateDir, JOURNAL_FILE), 'utf8');
  } catch {
    return { renewals: {} };
  }
  const parsed = journalSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new ValidationError({
      code: 'JOURNAL_INVALID',
      parameter: 'state',
      value: join(stateDir, JOURNAL_FILE),
      allowed: 'a journal written by exchcert',
      message: `${join(stateDir, JOURNAL_FILE)} is not a journal exchcert wrote (${parsed.error.issues[0]!.message}); move it away to start over.`,
    });
  }
  return parsed.data;
}

function write(stateDir: string, journal: Journal): void {
  mkdirSync(stateDir, { recursive: true });
  const file = join(stateDir, JOURNAL_FILE);
  const temp = `${file}.${randomBytes(8).toString('hex')}.tmp`;
  writeFileSync(temp, `${JSON.stringify(journal, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, file); // atomic on one file system: a crash leaves the old or the new journal
}

/**
 * The renewal pending for a server and subject, or undefined.
 * @example getRenewal('.exchcert', 'AMS-EXCH01', 'CN=mail.contoso.com')?.requestThumbprint
 */
export function getRenewal(stateDir: string, server: string, subjectName: string): PendingRenewal | undefined {
  return read(stateDir).renewals[renewalKey(server, subjectName)];
}

/** Stores (or, with null, forgets) a renewal. */
export function putRenewal(
  stateDir: string,
  server: string,
  subjectName: string,
  renewal: PendingRenewal | null,
): void {
  const journal = read(stateDir);
  const key = renewalKey(server, subjectName);
  if (renewal === null) delete journal.renewals[key];
  else journal.renewals[key] = renewal;
  write(stateDir, journal);
}
