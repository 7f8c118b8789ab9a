// Get-Date: the clock (env.now), -Date, date parts, -Format.
import type { CommandContext } from '../command-context.js';
import { formatDate } from '../../runtime/ps-format.js';
import { castTo } from '../../runtime/ps-types.js';
import { toStr } from '../../runtime/ps-values.js';

/** Get-Date. */
export async function getDate(ctx: CommandContext): Promise<unknown[]> {
  const p = ctx.params;
  if (p.uFormat !== undefined) ctx.unsupported('Get-Date -UFormat');
  const base = ctx.input?.[0] ?? p.date;
  let d =
    base === undefined || base === null
      ? ctx.env.now
        ? ctx.env.now()
        : new Date()
      : (castTo('datetime', base, ctx) as Date);
  d = new Date(d.getTime());
  if (typeof p.year === 'number') d.setFullYear(p.year);
  if (typeof p.month === 'number') d.setMonth(p.month - 1);
  if (typeof p.day === 'number') d.setDate(p.day);
  if (typeof p.hour === 'number') d.setHours(p.hour);
  if (typeof p.minute === 'number') d.setMinutes(p.minute);
  if (typeof p.second === 'number') d.setSeconds(p.second);
  if (typeof p.millisecond === 'number') d.setMilliseconds(p.millisecond);
  if (p.asUTC === true) d = new Date(d.getTime() + d.getTimezoneOffset() * 60000);
  return [p.format !== undefined ? formatDate(d, toStr(p.format)) : d];
}
