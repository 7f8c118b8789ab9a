// Writing fixes back into a runbook's bytes: every byte outside an edit is copied as it was (BOM, encoding, line
// endings), the edits' text is encoded as the file is; the file is replaced atomically (temporary file + rename).
import { randomBytes } from 'node:crypto';
import { rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ValidationError } from '../errors/validation-error.js';
import type { TextEdit } from '../lint/text-edit.js';
import { compatibleEdits } from '../lint/text-edit.js';
import type { ShellVersion } from '../spec/shell-version.js';
import { byteOrderMark, decodeRunbook, DEFAULT_CODE_PAGE, runbookEncodingLabel } from './runbook-encoding.js';

/** Encodes text as one encoding writes it, or null when a character has no byte form there. */
type Encoder = (text: string) => Uint8Array | null;

function singleByteEncoder(shell: ShellVersion, codePage: number): Encoder {
  const back = new Map<string, number>();
  for (let b = 255; b >= 0; b--) back.set(decodeRunbook(Uint8Array.of(b), shell, codePage), b);
  return (text) => {
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) {
      const b = back.get(text[i]!);
      if (b === undefined) return null;
      out[i] = b;
    }
    return out;
  };
}

const SINGLE_BYTE = /^(?:windows-125\d|windows-874|ibm866|koi8-[ru]|iso-8859-\d+)$/;

function encoderFor(label: string, shell: ShellVersion, codePage: number): Encoder | null {
  if (label === 'utf-8') return (t) => new Uint8Array(Buffer.from(t, 'utf8'));
  if (label === 'utf-16le') return (t) => new Uint8Array(Buffer.from(t, 'utf16le'));
  if (label === 'utf-16be') return (t) => new Uint8Array(Buffer.from(t, 'utf16le').swap16());
  if (SINGLE_BYTE.test(label)) return singleByteEncoder(shell, codePage);
  return null;
}

function cannotWrite(file: string, why: string): ValidationError {
  return new ValidationError({
    code: 'RUNBOOK_ENCODING',
    parameter: 'FILE',
    value: file,
    allowed: 'UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, or a single-byte ANSI code page',
    message: `Cannot write fixes into '${file}': ${why}. Nothing was changed.`,
  });
}

/**
 * The file's bytes with the edits applied (offsets into the text `shell` decodes from `bytes`); refuses, naming the
 * file, when the text cannot be written back byte for byte in the file's encoding.
 * @example applyEditsToBytes(Buffer.from('a -x'), 'a.ps1', [{ start: 2, end: 4, newText: '-y', rule: 'r' }], '7')
 */
export function applyEditsToBytes(
  bytes: Uint8Array,
  file: string,
  edits: readonly TextEdit[],
  shell: ShellVersion,
  codePage: number = DEFAULT_CODE_PAGE,
): Uint8Array {
  const label = runbookEncodingLabel(bytes, shell, codePage);
  const encode = encoderFor(label, shell, codePage);
  if (!encode) throw cannotWrite(file, `exchcert does not write ${label}`);
  const bom = byteOrderMark(bytes)?.length ?? 0;
  const text = decodeRunbook(bytes, shell, codePage);
  const whole = encode(text);
  if (!whole || Buffer.compare(Buffer.from(whole), Buffer.from(bytes.subarray(bom))) !== 0)
    throw cannotWrite(file, `its bytes are not all valid ${label}`);
  const parts: Uint8Array[] = [bytes.subarray(0, bom)];
  let at = 0;
  for (const e of compatibleEdits(edits)) {
    const piece = encode(e.newText);
    if (!piece) throw cannotWrite(file, `the rewrite '${e.rule}' needs characters ${label} cannot hold`);
    parts.push(encode(text.slice(at, e.start))!, piece);
    at = Math.max(at, e.end);
  }
  parts.push(encode(text.slice(at))!);
  return new Uint8Array(Buffer.concat(parts));
}

/** Replaces a file's content atomically (a temporary file in the same folder renamed over it), keeping its mode. */
export async function writeFileAtomic(file: string, bytes: Uint8Array): Promise<void> {
  const { mode } = await stat(file);
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, bytes, { mode, flag: 'wx' });
    await rename(temporary, file);
  } catch (e) {
    await unlink(temporary).catch(() => undefined);
    throw e;
  }
}
