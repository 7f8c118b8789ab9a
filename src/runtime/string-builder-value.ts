// System.Text.StringBuilder as runbooks use it: Append, AppendLine, AppendFormat, Clear, ToString, Length.
import { formatOperator } from './ps-format.js';
import { elements, isArrayLike, toStr } from './ps-values.js';
import type { PsMemberSource } from './ps-values.js';

/** A StringBuilder; its Append methods return the builder itself, as .NET's do (so scripts pipe them to Out-Null). */
export class StringBuilderValue implements PsMemberSource {
  text = '';
  readonly psTypeName = 'System.Text.StringBuilder';

  psGet(name: string): unknown {
    const lower = name.toLowerCase();
    if (lower === 'length') return this.text.length;
    if (lower === 'capacity') return Math.max(16, this.text.length);
    if (lower === 'maxcapacity') return 2147483647;
    return undefined;
  }

  /** Runs a method; undefined when the builder has no such method. */
  invoke(name: string, args: readonly unknown[]): unknown {
    switch (name.toLowerCase()) {
      case 'append':
        this.text += args.map((a) => toStr(a)).join('');
        return this;
      case 'appendline':
        this.text += `${args.length > 0 ? toStr(args[0]) : ''}\r\n`;
        return this;
      case 'appendformat':
        this.text += formatOperator(
          toStr(args[0]),
          args.length === 2 && isArrayLike(args[1]) ? elements(args[1]) : args.slice(1),
        );
        return this;
      case 'clear':
        this.text = '';
        return this;
      case 'tostring':
        return this.text;
      default:
        return undefined;
    }
  }

  toString(): string {
    return this.text;
  }
}
