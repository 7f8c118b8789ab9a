// `target.Name(args)`: dispatches a method call to the methods of the target's type.
import { Secret } from '../node/secret.js';
import { formatValue } from '../runtime/ps-format.js';
import { PsHashtable } from '../runtime/ps-hashtable.js';
import { psEquals } from '../runtime/ps-operators.js';
import { toByteArray } from '../runtime/ps-types.js';
import { RuntimeFailure, methodFailure } from '../runtime/runtime-failure.js';
import { ScriptBlockValue } from '../runtime/script-block-value.js';
import { StringBuilderValue } from '../runtime/string-builder-value.js';
import { TypeValue, elements, isArrayLike, normalize, toNumber, toStr, typeNameOf } from '../runtime/ps-values.js';
import { arrayMethod } from './array-method.js';
import { dateMethod } from './date-method.js';
import { EncodingValue } from './encoding-value.js';
import { intArg } from './int-arg.js';
import type { MemberContext } from './ps-members.js';
import { stringMethod } from './string-method.js';
import { UnsupportedMethod, methodNotFound } from './unsupported-method.js';

function hashtableMethod(target: PsHashtable, name: string, args: readonly unknown[]): unknown {
  switch (name.toLowerCase()) {
    case 'containskey':
    case 'contains':
      return target.has(args[0]);
    case 'containsvalue':
      return target.values().some((v) => psEquals(v, args[0], true));
    case 'add':
      if (!target.add(args[0], args[1])) {
        throw methodFailure(
          name,
          args.length,
          `Item has already been added. Key in dictionary: '${toStr(args[0])}'  Key being added: '${toStr(args[0])}'`,
          'System.ArgumentException',
        );
      }
      return undefined;
    case 'remove':
      target.delete(args[0]);
      return undefined;
    case 'clear':
      target.clear();
      return undefined;
    case 'clone':
      return target.clone();
    case 'tostring':
      return toStr(target);
    default:
      throw new UnsupportedMethod('System.Collections.Hashtable', name);
  }
}

function scalarMethod(target: number | boolean, name: string, args: readonly unknown[], ctx: MemberContext): unknown {
  const lower = name.toLowerCase();
  if (typeof target === 'boolean') {
    if (lower === 'tostring') return toStr(target);
    throw methodNotFound(target, name);
  }
  if (lower === 'tostring') return args.length > 0 ? formatValue(target, toStr(args[0])) : toStr(target);
  if (lower === 'equals') return psEquals(target, args[0], true);
  if (lower === 'compareto') return Math.sign(target - toNumber(args[0], ctx.notANumber));
  throw methodNotFound(target, name);
}

function encodingMethod(target: EncodingValue, name: string, args: readonly unknown[], ctx: MemberContext): unknown {
  switch (name.toLowerCase()) {
    case 'getbytes': {
      const a = args[0];
      return target.getBytes(
        isArrayLike(a)
          ? elements(a)
              .map((x) => toStr(x))
              .join('')
          : toStr(a),
      );
    }
    case 'getstring': {
      const bytes = toByteArray(args[0], ctx) ?? new Uint8Array();
      const slice =
        args.length >= 3 ? bytes.subarray(intArg(args[1], ctx), intArg(args[1], ctx) + intArg(args[2], ctx)) : bytes;
      return target.getString(slice);
    }
    case 'getpreamble':
      return target.preamble();
    case 'getbytecount':
      return target.getBytes(toStr(args[0])).length;
    case 'tostring':
      return target.toString();
    default:
      throw new UnsupportedMethod(target.typeName, name);
  }
}

async function scriptBlockMethod(target: ScriptBlockValue, name: string, ctx: MemberContext): Promise<unknown> {
  const lower = name.toLowerCase();
  if (lower === 'invoke' || lower === 'invokereturnasis') {
    const out = await ctx.invokeScriptBlock(target, null);
    return out.length === 0 ? undefined : out.length === 1 ? out[0] : out;
  }
  if (lower === 'tostring') return target.toString();
  throw new UnsupportedMethod('System.Management.Automation.ScriptBlock', name);
}

/** `target.Name(args)`; undefined for void methods. */
export async function invokeMethod(
  target: unknown,
  name: string,
  args: readonly unknown[],
  ctx: MemberContext,
): Promise<unknown> {
  const lower = name.toLowerCase();
  target = normalize(target);
  if (target === null)
    throw new RuntimeFailure('You cannot call a method on a null-valued expression.', {
      errorId: 'InvokeMethodOnNull',
      category: 'InvalidOperation',
    });
  if (lower === 'gettype' && args.length === 0) return new TypeValue(typeNameOf(target));
  if (typeof target === 'string') return stringMethod(target, name, args, ctx);
  if (isArrayLike(target)) return arrayMethod(target, name, args, ctx, invokeMethod);
  if (target instanceof PsHashtable) return hashtableMethod(target, name, args);
  if (typeof target === 'number' || typeof target === 'boolean') return scalarMethod(target, name, args, ctx);
  if (target instanceof Date) return dateMethod(target, name, args, ctx);
  if (target instanceof EncodingValue) return encodingMethod(target, name, args, ctx);
  if (target instanceof ScriptBlockValue) return scriptBlockMethod(target, name, ctx);
  if (target instanceof StringBuilderValue) {
    const r = target.invoke(name, args);
    if (r === undefined) throw new UnsupportedMethod('System.Text.StringBuilder', name);
    return r;
  }
  if (lower === 'tostring' && args.length === 0) return toStr(target);
  if (target instanceof Secret) throw new UnsupportedMethod('System.Security.SecureString', name);
  throw new UnsupportedMethod(typeNameOf(target), name);
}
