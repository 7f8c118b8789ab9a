// Warms an engine up before it takes command lines: the main job once, on a throwaway copy of its state.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyStateDatabase, openSqliteStateStore, STATE_DB_FILE } from '../../engine/store/sqlite-state-store.js';
import type { CliIo } from '../cli-io.js';
import type { RunCommandLine } from './serve-cli-request.js';

/** The copy's folder name starts so (inside the state folder: same disk, same 0700 parent). */
export const WARM_UP_PREFIX = '.warm-up-';

/** The request, the CA's certificate and the PFX of the warm-up (in the copy's C:). */
const REQUEST = 'C:\\exchcert-warm-up.req';
const CERTIFICATE = 'C:\\exchcert-warm-up.cer';

/** The seed lifecycle's first part on `server`: a request saved to C:. */
function partOne(server: string): string {
  return [
    `$RequestData = New-ExchangeCertificate -GenerateRequest -Server ${server} -SubjectName "O=Warm-up, CN=warm-up.exchcert.invalid" -DomainName warm-up.exchcert.invalid, autodiscover.exchcert.invalid -PrivateKeyExportable $true`,
    `Set-Content -Path "${REQUEST}" -Value $RequestData`,
    '',
  ].join('\n');
}

/** The seed lifecycle's second part on `server`: import, enable, export, the PFX onto `other` (a throwaway password). */
function partTwo(server: string, other: string | undefined): string {
  const password = "(ConvertTo-SecureString -String 'warm-up' -AsPlainText -Force)";
  const pfx = 'C:\\exchcert-warm-up.pfx';
  return [
    `$Data = [Byte[]]$(Get-Content -Path "${CERTIFICATE}" -Encoding Byte -ReadCount 0)`,
    `$Cert = Import-ExchangeCertificate -Server ${server} -FileData $Data`,
    `Get-ExchangeCertificate -Server ${server} -Thumbprint $Cert.Thumbprint | Enable-ExchangeCertificate -Server ${server} -Services IIS`,
    // Without -FileName, which Exchange 2016 and later do not have: the bytes come back in FileData on every version.
    `$Pfx = Export-ExchangeCertificate -Server ${server} -Thumbprint $Cert.Thumbprint -BinaryEncoded -Password ${password}`,
    `Set-Content -Path "${pfx}" -Value $Pfx.FileData -Encoding Byte`,
    ...(other === undefined
      ? []
      : [
          `Import-ExchangeCertificate -Server ${other} -FileData ([Byte[]]$(Get-Content -Path ${pfx} -Encoding Byte -ReadCount 0)) -Password ${password}`,
        ]),
    '',
  ].join('\n');
}

/** An io that keeps nothing: the warm-up's output is not anybody's. */
function silentIo(io: CliIo, cwd: string): CliIo {
  const none = { write: () => undefined };
  return {
    stdout: none,
    stderr: none,
    readStdin: () => Promise.resolve(''),
    stdinIsTTY: false,
    env: { ...io.env, EXCHCERT_STATE: undefined, EXCHCERT_NO_ENGINE: '1' },
    cwd,
  };
}

/**
 * Runs the main job (run part one, `ca issue`, run part two, a typed `get`) through `run` on a copy of the state in
 * `stateDir`, so that the engine's first real command lines find its code compiled; the copy is removed after. A state
 * with no server (or no state yet) is left alone. Returns the exit codes of the four steps (empty when skipped).
 * @example await warmUp('.exchcert', runCommandLine, io);
 */
export async function warmUp(stateDir: string, run: RunCommandLine, io: CliIo): Promise<readonly number[]> {
  if (!existsSync(join(stateDir, STATE_DB_FILE))) return [];
  const copy = mkdtempSync(join(stateDir, WARM_UP_PREFIX));
  try {
    copyStateDatabase(stateDir, copy);
    const store = openSqliteStateStore(copy, { readonly: true });
    const [server, other] = store.read((tx) => tx.listServers().map((s) => s.name));
    store.close();
    if (server === undefined) return [];
    mkdirSync(join(copy, 'fs', 'C'), { recursive: true });
    const one = join(copy, 'part-one.ps1');
    const two = join(copy, 'part-two.ps1');
    writeFileSync(one, partOne(server));
    writeFileSync(two, partTwo(server, other));
    const quiet = silentIo(io, copy);
    const state = ['--backend', 'mock', '--state', copy];
    const cer = join(copy, 'fs', 'C', 'exchcert-warm-up.cer');
    const req = join(copy, 'fs', 'C', 'exchcert-warm-up.req');
    const codes: number[] = [];
    codes.push(await run(['run', one, ...state], quiet));
    codes.push(await run(['ca', 'issue', req, '--out', cer, '--state', copy], quiet));
    codes.push(await run(['run', two, ...state], quiet));
    codes.push(await run(['get', '--server', server, ...state], quiet));
    return codes;
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}
