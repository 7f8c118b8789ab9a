// The methods of arrays and ArrayLists (Contains, Add, the intrinsic Where/ForEach) and method enumeration.
import { psEquals } from '../runtime/ps-operators.js';
import { methodFailure } from '../runtime/runtime-failure.js';
import { ScriptBlockValue } from '../runtime/script-block-value.js';
import { NO_OUTPUT, elements, genericListType, isArrayList, isTrue, typeNameOf } from '../runtime/ps-values.js';
import { intArg } from './int-arg.js';
import type { MemberContext } from './ps-members.js';
import { UnsupportedMethod, methodNotFound } from './unsupported-method.js';

/** The intrinsic `.Where({...})` and `.ForEach({...})` (4.0+). */
async function whereOrForEach(
  list: readonly unknown[],
  name: string,
  args: readonly unknown[],
  ctx: MemberContext,
): Promise<unknown[]> {
  const sb = args[0];
  if (!(sb instanceof ScriptBlockValue)) throw new UnsupportedMethod('collection', `${name}() without a script block`);
  const where = name.toLowerCase() === 'where';
  const out: unknown[] = [];
  for (const item of list) {
    const r = await ctx.invokeScriptBlock(sb, item);
    if (where) {
      if (isTrue(r.length === 1 ? r[0] : r)) out.push(item);
    } else out.push(...r);
  }
  return out;
}

/** Add, Remove, Clear, Insert, RemoveAt: an ArrayList changes, a fixed-size array fails. */
function arrayListMethod(
  a: unknown[] | Uint8Array,
  name: string,
  args: readonly unknown[],
  ctx: MemberContext,
): unknown {
  const lower = name.toLowerCase();
  if (!isArrayList(a))
    throw methodFailure(name, args.length, 'Collection was of a fixed size.', 'System.NotSupportedException');
  const arr = a as unknown[];
  if (lower === 'add') {
    arr.push(args[0]);
    return genericListType(arr) === undefined ? arr.length - 1 : undefined;
  }
  if (lower === 'clear') {
    arr.length = 0;
    return undefined;
  }
  if (lower === 'insert') {
    arr.splice(intArg(args[0], ctx), 0, args[1]);
    return undefined;
  }
  if (lower === 'removeat') {
    arr.splice(intArg(args[0], ctx), 1);
    return undefined;
  }
  const i = arr.findIndex((x) => psEquals(x, args[0], true));
  if (i >= 0) arr.splice(i, 1);
  return undefined;
}

/** Calls a method on one element (invokeMethod, passed in so this file does not import its caller). */
export type MethodInvoker = (
  target: unknown,
  name: string,
  args: readonly unknown[],
  ctx: MemberContext,
) => Promise<unknown>;

/** `a.name(args)`; a method arrays lack is called on each element (3.0+). */
export async function arrayMethod(
  a: unknown[] | Uint8Array,
  name: string,
  args: readonly unknown[],
  ctx: MemberContext,
  invoke: MethodInvoker,
): Promise<unknown> {
  const lower = name.toLowerCase();
  const list = elements(a);
  switch (lower) {
    case 'contains':
      return list.some((x) =>
        typeof x === 'string' && typeof args[0] === 'string' ? x === args[0] : psEquals(x, args[0], true),
      );
    case 'indexof':
      return list.findIndex((x) => psEquals(x, args[0], true));
    case 'tostring':
      return typeNameOf(a);
    case 'clone':
      return a instanceof Uint8Array ? a.slice() : [...a];
    case 'where':
    case 'foreach':
      if (!ctx.dialect.intrinsicWhereForEach) break;
      return whereOrForEach(list, name, args, ctx);
    case 'add':
    case 'remove':
    case 'clear':
    case 'insert':
    case 'removeat':
      return arrayListMethod(a, name, args, ctx);
    default:
      break;
  }
  if (!ctx.dialect.memberEnumeration) throw methodNotFound(a, name);
  // Method enumeration (3.0+): call it on each element.
  const out: unknown[] = [];
  for (const x of list) {
    const r = await invoke(x, name, args, ctx);
    if (r !== undefined && r !== NO_OUTPUT) out.push(r);
  }
  return out.length === 0 ? undefined : out.length === 1 ? out[0] : out;
}
