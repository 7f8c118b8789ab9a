// Measure-Object: Count, and Sum/Average/Maximum/Minimum of a property (GenericMeasureInfo).
import { normalize, toNumber, toStr } from '../../runtime/ps-values.js';
import type { CommandContext } from '../command-context.js';
import { getMember } from '../ps-members.js';
import { compareKeys } from './sort-keys.js';

/** One GenericMeasureInfo (its properties in PowerShell's order; StandardDeviation from PowerShell 7). */
function measureInfo(
  ctx: CommandContext,
  property: string | null,
  values: readonly unknown[],
): Record<string, unknown> {
  const p = ctx.params;
  const numbers = () => values.map((v) => toNumber(v, (t) => ctx.notANumber(t), 'System.Double'));
  const sum = p.sum === true || p.average === true ? numbers().reduce((a, b) => a + b, 0) : null;
  const extreme = (sign: number): unknown => {
    if (values.length === 0) return null;
    let best = values[0];
    for (const v of values.slice(1)) if (compareKeys(v, best, false, ctx) * sign > 0) best = v;
    return typeof best === 'number' ? best : toNumber(best, (t) => ctx.notANumber(t), 'System.Double');
  };
  const info: Record<string, unknown> = {
    PSTypeName: 'Microsoft.PowerShell.Commands.GenericMeasureInfo',
    Count: values.length,
    Average: p.average === true && values.length > 0 ? sum! / values.length : null,
    Sum: p.sum === true ? sum : null,
    Maximum: p.maximum === true ? extreme(1) : null,
    Minimum: p.minimum === true ? extreme(-1) : null,
  };
  if (ctx.dialect.shell === '7') info.StandardDeviation = null;
  info.Property = property;
  return info;
}

/** Measure-Object. */
export async function measureObject(ctx: CommandContext): Promise<unknown[]> {
  for (const n of ['line', 'word', 'character', 'allStats'])
    if (ctx.params[n] === true) ctx.unsupported(`Measure-Object -${n.charAt(0).toUpperCase()}${n.slice(1)}`);
  const items = (ctx.input ?? (ctx.params.inputObject !== undefined ? [ctx.params.inputObject] : [])).map(normalize);
  const properties = (ctx.params.property as unknown[] | undefined)?.map((x) => toStr(x));
  if (!properties)
    return Promise.resolve([
      measureInfo(
        ctx,
        null,
        items.filter((i) => i !== null),
      ),
    ]);
  return Promise.resolve(
    properties.map((prop) => {
      const values = items.map((i) => normalize(getMember(i, prop, ctx))).filter((v) => v !== null);
      return measureInfo(ctx, prop, values);
    }),
  );
}
