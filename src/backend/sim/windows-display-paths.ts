// Host paths of the state's virtual file system, as the sim session's real cmdlets print them, back as Windows paths.
import { join } from 'node:path';
import { VIRTUAL_FS_FOLDER } from '../../engine/store/host-virtual-fs.js';
import type { ErrorRecord, RunResult, StatementResult } from '../backend.js';

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

/** Maps one run's results; a record maps to one object, so a statement's errors stay the run's errors (shown once). */
export interface DisplayPathMapper {
  text(text: string): string;
  statement(s: StatementResult): StatementResult;
  result(r: RunResult): RunResult;
}

/**
 * The mapper of one sim run: statements as they stream and the final result share their mapped records.
 * @example const map = displayPathMapper('/s'); map.text("'/s/fs/C/x'") // "'C:\x'"
 */
export function displayPathMapper(stateDir: string): DisplayPathMapper {
  const errors = new Map<ErrorRecord, ErrorRecord>();
  const statements = new Map<StatementResult, StatementResult>();
  const error = (e: ErrorRecord) => {
    let mapped = errors.get(e);
    if (!mapped) errors.set(e, (mapped = mapError(e, stateDir)));
    return mapped;
  };
  const statement = (s: StatementResult) => {
    let mapped = statements.get(s);
    if (!mapped)
      statements.set(
        s,
        (mapped = {
          ...s,
          output: s.output.map((v) => mapValue(v, stateDir)),
          errors: s.errors.map(error),
          warnings: s.warnings.map((w) => windowsDisplayPaths(w, stateDir)),
        }),
      );
    return mapped;
  };
  return {
    text: (text) => windowsDisplayPaths(text, stateDir),
    statement,
    result: (result) => ({
      ...result,
      output: result.output.map((v) => mapValue(v, stateDir)),
      errors: result.errors.map(error),
      statements: result.statements.map(statement),
      ...(result.hostText !== undefined ? { hostText: windowsDisplayPaths(result.hostText, stateDir) } : {}),
    }),
  };
}
