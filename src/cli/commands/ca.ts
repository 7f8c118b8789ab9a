import { readFile, writeFile } from 'node:fs/promises';
import type { CommandModule } from 'yargs';
import { ValidationError } from '../../errors/validation-error.js';
import { mockNow } from '../../engine/mock-environment.js';
import { vendorCa } from '../../backend/mock/mock-state.js';
import type { MockState } from '../../backend/mock/mock-state.js';
import { EXIT } from '../cli-io.js';
import type { CliIo } from '../cli-io.js';
import { withOpenState, withStateOption } from '../mock-options.js';

const WINDOWS_PATH = /^(?:[A-Za-z]:[\\/]|\\\\)/;

/** Reads a host path, or a Windows path inside the state's file system. */
async function readAny(state: MockState, path: string): Promise<Uint8Array> {
  if (WINDOWS_PATH.test(path)) return state.fs.readFile(path);
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    throw new ValidationError({
      code: 'INPUT_FILE',
      parameter: 'REQUEST',
      value: path,
      allowed: 'a readable request file (host path or C:\\... inside the state)',
      message: `Cannot read '${path}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`,
    });
  }
}

async function writeAny(state: MockState, path: string, data: Uint8Array): Promise<void> {
  if (WINDOWS_PATH.test(path)) state.fs.writeFile(path, data);
  else await writeFile(path, data);
}

/** `exchcert ca issue REQUEST --out CERT [--days N]`: the simulated vendor issues a certificate for a request. */
export function caCommand(io: CliIo, done: (code: number) => void): CommandModule {
  return {
    command: 'ca <command>',
    describe: 'the simulated vendor CA (its root is trusted by every mock server)',
    builder: (y) =>
      y
        .command({
          command: 'issue <request>',
          describe: 'issue a certificate for a PKCS#10 request (Exchange text, PEM, DER or UTF-16 text)',
          builder: (b) =>
            withStateOption(
              b
                .positional('request', {
                  type: 'string',
                  demandOption: true,
                  describe: 'request file: a host path, or C:\\... inside the state',
                })
                .option('out', {
                  type: 'string',
                  demandOption: true,
                  describe: 'where to write the certificate (.cer, PEM; .p7b writes the chain as PKCS#7)',
                })
                .option('days', { type: 'number', default: 365, describe: 'validity in days' }),
            ),
          handler: async (a) => {
            const days = a.days;
            if (!Number.isInteger(days) || days < 1 || days > 3650) {
              throw new ValidationError({
                code: 'INVALID_OPTION',
                parameter: 'days',
                value: String(days),
                allowed: '1 to 3650',
                message: `--days ${days} is not allowed: give whole days from 1 to 3650.`,
              });
            }
            await withOpenState(a, async (state) => {
              const ca = await vendorCa(state);
              const request = await readAny(state, a.request);
              const now = state.store.read((tx) => mockNow(() => new Date(), tx));
              const issued = await ca.issue(request, { days, now });
              const out = a.out;
              const data = /\.p7b$/i.test(out) ? issued.pkcs7 : new TextEncoder().encode(issued.pem);
              await writeAny(state, out, data);
              io.stdout.write(
                `Issued ${issued.certificate.subject} (thumbprint ${issued.certificate.thumbprint}, until ${issued.certificate.notAfter.toISOString()}) to ${out}\n`,
              );
            });
            done(EXIT.ok);
          },
        })
        .demandCommand(1, 'Name a ca command; see exchcert ca --help.'),
    handler: () => {},
  };
}
