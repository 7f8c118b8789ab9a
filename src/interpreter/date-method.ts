// The System.DateTime methods runbooks call (AddDays, ToString with a format, ...).
import { formatDate } from '../runtime/ps-format.js';
import { toNumber, toStr } from '../runtime/ps-values.js';
import type { MemberContext } from './ps-members.js';
import { UnsupportedMethod } from './unsupported-method.js';

/** `d.name(args)`. */
export function dateMethod(d: Date, name: string, args: readonly unknown[], ctx: MemberContext): unknown {
  const lower = name.toLowerCase();
  const num = () => toNumber(args[0], ctx.notANumber);
  const add = (ms: number) => new Date(d.getTime() + ms);
  switch (lower) {
    case 'adddays':
      return add(num() * 86400000);
    case 'addhours':
      return add(num() * 3600000);
    case 'addminutes':
      return add(num() * 60000);
    case 'addseconds':
      return add(num() * 1000);
    case 'addmilliseconds':
      return add(num());
    case 'addmonths': {
      const x = new Date(d);
      x.setMonth(x.getMonth() + num());
      return x;
    }
    case 'addyears': {
      const x = new Date(d);
      x.setFullYear(x.getFullYear() + num());
      return x;
    }
    case 'tostring':
      return args.length > 0 ? formatDate(d, toStr(args[0])) : formatDate(d, 'G');
    case 'toshortdatestring':
      return formatDate(d, 'd');
    case 'tolongdatestring':
      return formatDate(d, 'D');
    case 'toshorttimestring':
      return formatDate(d, 't');
    case 'tolongtimestring':
      return formatDate(d, 'T');
    case 'touniversaltime':
      return new Date(d.getTime() + d.getTimezoneOffset() * 60000);
    case 'tolocaltime':
      return d;
    case 'compareto':
      return Math.sign(d.getTime() - (args[0] instanceof Date ? args[0].getTime() : 0));
    default:
      throw new UnsupportedMethod('System.DateTime', name);
  }
}
