// Tab completion for the interactive shell: cmdlet names and their parameter names, from the spec tables.
import { ALL_EXCHANGE_CMDLETS, HELPER_CMDLETS, findCmdlet } from '../../spec/registry.js';
import type { Completion } from './line-editor.js';

const COMMAND_NAMES: readonly string[] = [
  ...new Set([...ALL_EXCHANGE_CMDLETS, ...HELPER_CMDLETS].map((c) => c.name)),
].sort();

/**
 * What Tab offers at `cursor`: cmdlet names in command position, `-Parameter` names of the command being typed after a
 * dash (matched by prefix, ignoring case, sorted as PowerShell lists them).
 * @example completeLine('Get-ExchangeCertificate -Thu', 28).candidates // ['-Thumbprint']
 */
export function completeLine(line: string, cursor: number): Completion {
  const before = line.slice(0, cursor);
  const start = Math.max(...[' ', '\t', '|', ';', '(', '{', '='].map((c) => before.lastIndexOf(c))) + 1;
  const word = before.slice(start);
  const segment = before.slice(Math.max(...['|', ';', '(', '{'].map((c) => before.lastIndexOf(c))) + 1);
  const lower = word.toLowerCase();
  if (word.startsWith('-')) {
    const command = /^\s*([\w-]+)/.exec(segment)?.[1];
    const spec = command ? findCmdlet(command) : undefined;
    if (!spec) return { start, candidates: [] };
    const names = [...new Set(spec.parameters.map((p) => `-${p.name}`))].sort();
    return { start, candidates: names.filter((n) => n.toLowerCase().startsWith(lower)) };
  }
  if (segment.trim() === word && word !== '') {
    return { start, candidates: COMMAND_NAMES.filter((n) => n.toLowerCase().startsWith(lower)) };
  }
  return { start, candidates: [] };
}
