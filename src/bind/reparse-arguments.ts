// Pairs parameters with their arguments as PowerShell's ReparseUnboundArguments does, before any value is bound.
import { missingArgument } from './binding-errors.js';
import type { BindingTable } from '../spec/binding-table.js';
import { findParameter } from './match-parameter.js';
import type { Argument } from './read-arguments.js';
import type { RawArgument } from './raw-argument.js';

const PRESENT: RawArgument = Object.freeze({ t: 'bool', value: true });

/**
 * Resolves every parameter written without an argument: a switch is present; any other parameter takes the next
 * element, even one that looks like a parameter but names none of the command's (`-Server -Bogus` binds '-Bogus');
 * a following real parameter (or `-x:value`) means MissingArgument. Names that match nothing are left for the
 * NamedParameterNotFound check after binding. Throws AmbiguousParameter and MissingArgument in written order.
 */
export function reparseArguments(table: BindingTable, args: readonly Argument[]): Argument[] {
  const out: Argument[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.k === 'positional' || a.raw !== null) {
      out.push(a);
      continue;
    }
    const p = findParameter(table, a.name);
    if (!p) {
      out.push(a);
      continue;
    }
    if (p.isSwitch) {
      out.push({ ...a, raw: PRESENT });
      continue;
    }
    const next = args[i + 1];
    if (!next) throw missingArgument(table.cmdlet, p);
    if (next.k === 'named') {
      if (findParameter(table, next.name) !== null || next.raw !== null) throw missingArgument(table.cmdlet, p);
      out.push({
        k: 'named',
        name: p.spec.name,
        text: a.text,
        raw: { t: 'string', value: next.text },
        splat: false,
        source: null,
      });
    } else {
      // A value in its own token: PowerShell records the parameter under its canonical name.
      out.push({ k: 'named', name: p.spec.name, text: a.text, raw: next.raw, splat: false, source: next.source });
    }
    i++;
  }
  return out;
}
