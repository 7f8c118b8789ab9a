// How PowerShell shows an argument: its .NET type name, its text as given, as converted, and as .NET messages print it.
import type { Dialect } from '../dialect/dialect.js';
import { numberText } from './ps-number.js';
import type { RawArgument } from './raw-argument.js';

/** The .NET type name of a written value (what PowerShell names in conversion errors). */
export function typeName(raw: RawArgument): string {
  switch (raw.t) {
    case 'string':
      return 'System.String';
    case 'number':
      return `System.${raw.type}`;
    case 'bool':
      return 'System.Boolean';
    case 'array':
      return 'System.Object[]';
    default:
      return 'System.Object';
  }
}

/** What a direct argument reads as (PowerShell keeps a number's source text). */
export function argumentText(raw: RawArgument): string {
  switch (raw.t) {
    case 'string':
      return raw.value;
    case 'number':
      return raw.text;
    case 'bool':
      return raw.value ? 'True' : 'False';
    case 'null':
      return '';
    case 'array':
      return 'System.Object[]';
    case 'value':
      return raw.text;
  }
}

/** What an array element converted to a string reads as (a number by its value, 15 digits). */
export function elementText(raw: RawArgument): string {
  return raw.t === 'number' ? numberText(raw.value, raw.text, raw.type) : argumentText(raw);
}

/** How a value reads in a .NET message (a number by its value, as the runtime prints it). */
export function messageText(raw: RawArgument, dialect: Dialect): string {
  return raw.t === 'number'
    ? numberText(raw.value, raw.text, raw.type, { netCore: dialect.netCoreMessages })
    : argumentText(raw);
}

/** The .NET FormatException message of a bad number, per dialect. */
export function formatMessage(text: string, dialect: Dialect): string {
  return dialect.netCoreMessages
    ? `The input string '${text.trim()}' was not in a correct format.`
    : 'Input string was not in a correct format.';
}
