// A PFX read on this machine: its bytes for the backend and, checked locally first, the certificate it installs.
import { readFile } from 'node:fs/promises';
import { ValidationError } from '../errors/validation-error.js';
import type { Secret } from '../node/secret.js';
import { readCertificate, readPfx } from '../pki/index.js';

/** A PFX ready to send: the file's bytes and its end-entity certificate's thumbprint and subject. */
export interface LocalPfx {
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly thumbprint: string;
  readonly subject: string;
  readonly issuer: string;
  readonly notAfter: Date;
}

/**
 * Reads a file on this machine (never on the target) as bytes; a missing file is one clear error naming the option.
 * @example const bytes = await readLocalFile('./webmail.cer', 'certificate-file');
 */
export async function readLocalFile(path: string, option: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    throw new ValidationError({
      code: 'INPUT_FILE',
      parameter: option,
      value: path,
      allowed: 'a readable file on this machine',
      message: `--${option} '${path}' cannot be read on this machine: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`,
    });
  }
}

/**
 * Opens a PFX with its password on this machine, so a wrong password or a file without a key fails before anything runs.
 * @example const pfx = openLocalPfx('./webmail.pfx', bytes, secret('Pass1word')); pfx.thumbprint
 */
export function openLocalPfx(path: string, bytes: Uint8Array, password: Secret, option = 'pfx'): LocalPfx {
  let contents;
  try {
    contents = readPfx(bytes, password.reveal());
  } catch (e) {
    throw new ValidationError({
      code: 'PFX_INVALID',
      parameter: option,
      value: path,
      allowed: 'a PKCS#12 file and its password',
      message: `${path} cannot be opened as a PFX with the password given: ${(e as Error).message}`,
    });
  }
  if (!contents.hasPrivateKey) {
    throw new ValidationError({
      code: 'PFX_NO_KEY',
      parameter: option,
      value: path,
      allowed: 'a PFX holding the private key',
      message: `${path} holds no private key for its certificate; Exchange services need the key.`,
    });
  }
  const info = readCertificate(contents.endEntity);
  return {
    path,
    bytes,
    thumbprint: info.thumbprint,
    subject: info.subject,
    issuer: info.issuer,
    notAfter: info.notAfter,
  };
}
