// Windows Server versions an Exchange server runs on, and the facts that follow from it (issue 10; SEMANTICS.md rules 103, 111).
import { ValidationError } from '../errors/validation-error.js';
import type { ExchangeMajor } from './exchange-target.js';

/** The Windows Server versions a mock server can run. */
export const WINDOWS_SERVERS = ['2008R2', '2012R2', '2016', '2019', '2022', '2025'] as const;
export type WindowsServer = (typeof WINDOWS_SERVERS)[number];

/** The Windows a server of each Exchange version gets when none is named (the usual one for that version). */
export const DEFAULT_WINDOWS: Readonly<Record<ExchangeMajor, WindowsServer>> = Object.freeze({
  2010: '2008R2',
  2013: '2012R2',
  2016: '2016',
  2019: '2019',
  SE: '2022',
});

const rank = (w: WindowsServer): number => WINDOWS_SERVERS.indexOf(w);

/**
 * Whether Windows can import a PFX encrypted with AES (PBES2, the default of OpenSSL 3 and newer Windows exports):
 * not on Windows Server 2016 and older, which fail with the wrong-password message (ERRORS.md §5).
 * @example acceptsAesPfx('2016') // false
 */
export function acceptsAesPfx(windows: WindowsServer): boolean {
  return rank(windows) >= rank('2019');
}

/**
 * The IIS Web Management Service certificate's subject: `CN=WMSvc-<host>` on 2012 R2 and older, `CN=WMSvc-SHA2-<host>`
 * on newer Windows (SEMANTICS.md rule 103).
 * @example wmsvcName('2012R2', 'EX01') // 'WMSvc-EX01'
 */
export function wmsvcName(windows: WindowsServer, host: string): string {
  return rank(windows) <= rank('2012R2') ? `WMSvc-${host}` : `WMSvc-SHA2-${host}`;
}

/**
 * A Windows Server version as written by a user (`2012R2`, `2012r2`, `2019`), or a ValidationError naming `--windows`.
 * @example parseWindowsServer('2012r2') // '2012R2'
 */
export function parseWindowsServer(text: string): WindowsServer {
  const hit = WINDOWS_SERVERS.find((w) => w.toLowerCase() === text.trim().toLowerCase());
  if (hit) return hit;
  throw new ValidationError({
    code: 'INVALID_WINDOWS',
    parameter: 'windows',
    value: text,
    allowed: WINDOWS_SERVERS.join(', '),
    message: `--windows '${text}' is not a Windows Server version the mock knows. Allowed: ${WINDOWS_SERVERS.join(', ')}.`,
  });
}
