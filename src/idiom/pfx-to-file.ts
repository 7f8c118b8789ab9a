// The PFX-to-a-file idiom: an export written to `-FileName` on the server where the target has it, else exported
// `-BinaryEncoded` into a variable whose `.FileData` the client writes with `[System.IO.File]::WriteAllBytes(...)`.
import type { VariableExpression } from '../node/expression.js';
import type { Invocation } from '../node/invocation.js';
import { createInvocation } from '../node/invocation.js';
import { isAvailable } from '../spec/exchange-target.js';
import type { ExchangeTarget } from '../spec/exchange-target.js';
import { findCmdlet } from '../spec/registry.js';

/** The member of a BinaryFileDataObject that holds the bytes. */
export const FILE_DATA_MEMBER = 'FileData';

/** True when the export itself can write the file on the server (the target has the cmdlet's -FileName). */
export function exportsOnServer(exportCmdlet: string, exchange: ExchangeTarget | undefined): boolean {
  const fileName = findCmdlet(exportCmdlet)?.parameters.find((p) => p.name === 'FileName');
  return exchange !== undefined && fileName !== undefined && isAvailable(fileName.exchange, exchange);
}

/** The export with `-FileName path -BinaryEncoded` (the server writes the file). */
export function serverSideExport(exp: Invocation, path: string): Invocation {
  return createInvocation(exp.cmdlet, exp.parameterSet, { ...exp.parameters, fileName: path, binaryEncoded: true });
}

/** The export with `-BinaryEncoded`, whose result the client writes. */
export function binaryExport(exp: Invocation): Invocation {
  return createInvocation(exp.cmdlet, exp.parameterSet, { ...exp.parameters, binaryEncoded: true });
}

/**
 * `$variable.FileData`.
 * @example fileDataOf('ExportResult') // { kind: 'variable', name: 'ExportResult', path: ['FileData'] }
 */
export function fileDataOf(variable: string): VariableExpression {
  return { kind: 'variable', name: variable, path: [FILE_DATA_MEMBER] };
}

/**
 * The client-side write, given the quoted path and the rendered bytes.
 * @example
 * writeAllBytesCall("'C:\\a.pfx'", '$ExportResult.FileData')
 * // "[System.IO.File]::WriteAllBytes('C:\\a.pfx', $ExportResult.FileData)"
 */
export function writeAllBytesCall(quotedPath: string, bytesText: string): string {
  return `[System.IO.File]::WriteAllBytes(${quotedPath}, ${bytesText})`;
}
