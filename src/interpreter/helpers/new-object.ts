// New-Object: the types of construct-object.ts, with -ArgumentList and -Property.
import { PsHashtable } from '../../runtime/ps-hashtable.js';
import { elements, isArrayLike, normalize, toStr } from '../../runtime/ps-values.js';
import type { CommandContext } from '../command-context.js';
import { constructObject, isConstructible, objectWithProperties } from '../construct-object.js';

/** New-Object. */
export async function newObject(ctx: CommandContext): Promise<unknown[]> {
  const type = toStr(ctx.params.typeName);
  if (ctx.params.comObject !== undefined) ctx.unsupported('New-Object -ComObject');
  if (!isConstructible(type)) ctx.unsupported(`New-Object -TypeName ${type}`);
  const raw = normalize(ctx.params.argumentList ?? null);
  const args = raw === null ? [] : isArrayLike(raw) ? elements(raw) : [raw];
  const conv = { notANumber: (t: string) => ctx.notANumber(t) };
  const obj = constructObject(type, args, conv);
  const props = ctx.params.property;
  if (props instanceof PsHashtable) return [objectWithProperties(obj, props)];
  return Promise.resolve([obj]);
}
