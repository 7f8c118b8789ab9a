// Host paths of the state's virtual file system, as the sim session's real cmdlets print them, back as Windows paths.
import { join } from 'node:path';
import { VIRTUAL_FS_FOLDER } from '../../engine/store/host-virtual-fs.js';
import type { ErrorRecord, RunResult } from '../backend.js';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replaces `<state>/fs/C/a/b` with `C:\a\b` and `<state>/fs/UNC/host/share/x` with `\\host\share\x` in a text.
 * @example windowsDisplayPaths("Cannot find path '/s/fs/C/Reports'", '/s') // "Cannot find path 'C:\Reports'"
 */
export function windowsDisplayPaths(text: string, stateDir: string): string {
  const root = join(stateDir, VIRTUAL_FS_FOLDER);
  if (!text.includes(root)) return text;
  return text.replace(new RegExp(`${escape(root)}/([^'"\\s]*)`, 'g'), (_, rest: string) => {
    const parts = rest.split('/').filter((p) => p !== '');
    if (parts[0] === 'UNC') return `\\\\${parts.slice(1).join('\\')}`;
    const [drive, ...path] = parts;
    return drive === undefined ? root : `${drive}:\\${path.join('\\')}`;
  });
}

function mapValue(value: unknown, stateDir: string): unknown {
  if (typeof value === 'string') return windowsDisplayPaths(value, stateDir);
  if (Array.isArray(value)) return value.map((v) => mapValue(v, stateDir));
  if (value === null || typeof value !== 'object' || value instanceof Date || value instanceof Uint8Array) return value;
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapValue(v, stateDir)]));
}

function mapError(e: ErrorRecord, stateDir: string): ErrorRecord {
  return { ...e, message: windowsDisplayPaths(e.message, stateDir) };
}

/** A sim run's result with the state's host paths shown as the Windows paths the runbook used. */
export function withWindowsDisplayPaths(result: RunResult, stateDir: string): RunResult {
  return {
    ...result,
    output: result.output.map((v) => mapValue(v, stateDir)),
    errors: result.errors.map((e) => mapError(e, stateDir)),
    statements: result.statements.map((s) => ({
      ...s,
      output: s.output.map((v) => mapValue(v, stateDir)),
      errors: s.errors.map((e) => mapError(e, stateDir)),
      warnings: s.warnings.map((w) => windowsDisplayPaths(w, stateDir)),
    })),
    ...(result.hostText !== undefined ? { hostText: windowsDisplayPaths(result.hostText, stateDir) } : {}),
  };
}
