// [math]::Round/Floor/Ceiling/Max/Min/Abs/Pow/Sqrt/Truncate, [timespan]::FromDays/..., [datetime]::Parse, [Type]::new().
import { castTo } from '../runtime/ps-types.js';
import type { ConversionContext } from '../runtime/ps-types.js';
import { methodFailure } from '../runtime/runtime-failure.js';
import { TimeSpanValue, toNumber } from '../runtime/ps-values.js';
import { constructObject, isConstructible } from './construct-object.js';

/** Static methods of this file, by type key. */
export const EXTRA_METHODS: Readonly<Record<string, readonly string[]>> = {
  math: ['round', 'floor', 'ceiling', 'max', 'min', 'abs', 'pow', 'sqrt', 'truncate'],
  timespan: ['fromdays', 'fromhours', 'fromminutes', 'fromseconds', 'frommilliseconds', 'new'],
  datetime: ['parse', 'new'],
};

/** Static properties of this file, by type key. */
export const EXTRA_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  math: ['pi', 'e'],
  timespan: ['zero'],
};

/** Round half to even with `digits` decimals, as .NET's Math.Round does by default. */
function roundEven(x: number, digits: number): number {
  const f = 10 ** digits;
  const scaled = Number((x * f).toPrecision(15));
  const floor = Math.floor(scaled);
  const diff = scaled - floor;
  let r: number;
  if (diff > 0.5) r = floor + 1;
  else if (diff < 0.5) r = floor;
  else r = floor % 2 === 0 ? floor : floor + 1;
  return r / f;
}

function mathMethod(m: string, args: readonly unknown[], ctx: ConversionContext): number {
  const n = (i: number) => toNumber(args[i], ctx.notANumber, 'System.Double');
  switch (m) {
    case 'round':
      return roundEven(n(0), args.length > 1 ? n(1) : 0);
    case 'floor':
      return Math.floor(n(0));
    case 'ceiling':
      return Math.ceil(n(0));
    case 'truncate':
      return Math.trunc(n(0));
    case 'max':
      return Math.max(n(0), n(1));
    case 'min':
      return Math.min(n(0), n(1));
    case 'abs':
      return Math.abs(n(0));
    case 'pow':
      return n(0) ** n(1);
    default:
      return Math.sqrt(n(0));
  }
}

const SPAN_MS: Readonly<Record<string, number>> = {
  fromdays: 86400000,
  fromhours: 3600000,
  fromminutes: 60000,
  fromseconds: 1000,
  frommilliseconds: 1,
};

/** `[type]::Method(args)` for the types of this file. */
export function extraStaticMethod(
  key: string,
  typeName: string,
  m: string,
  args: readonly unknown[],
  ctx: ConversionContext,
): unknown {
  if (key === 'math') return mathMethod(m, args, ctx);
  if (m === 'new') {
    if (!isConstructible(typeName))
      throw methodFailure('new', args.length, `Cannot create ${typeName}.`, 'System.ArgumentException');
    return constructObject(typeName, args, ctx);
  }
  if (key === 'datetime') return castTo('datetime', args[0], ctx);
  return new TimeSpanValue(toNumber(args[0], ctx.notANumber, 'System.Double') * SPAN_MS[m]!);
}

/** `[type]::Property` for the types of this file. */
export function extraStaticProperty(key: string, m: string): unknown {
  if (key === 'timespan') return new TimeSpanValue(0);
  return m === 'pi' ? Math.PI : Math.E;
}
