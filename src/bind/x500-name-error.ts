// What `[X500DistinguishedName]'...'` accepts: .NET's distinguished-name parser (tags, `=`, values, `,`/`;`, quotes).

/** .NET's message for a string that is no distinguished name. */
export const INVALID_X500_NAME = 'The string contains an invalid X500 name attribute key, oid, value or delimiter.';
const NOT_ASCII = 'The string contains a character not in the 7 bit ASCII character set.';

// Attribute names .NET accepts (case-insensitive): those it accepts on Linux and on Windows (CertStrToName's keys).
const KNOWN_TAGS = new Set([
  'cn',
  'c',
  'l',
  's',
  'st',
  'o',
  'ou',
  'e',
  't',
  'sn',
  'g',
  'i',
  'dc',
  'street',
  'serialnumber',
  'postalcode',
  'phone',
  'description',
  'uid',
  'gn',
  'dnqualifier',
  'pobox',
  'houseidentifier',
  'pseudonym',
  'name',
  'title',
  'email',
  'givenname',
  'initials',
  'x21address',
]);

const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

/** An OID in dotted form as .NET encodes it: two or more arcs, first 0-2, second below 40 under 0 and 1. */
function validOid(tag: string): boolean {
  if (!/^\d+(\.\d+)+$/.test(tag)) return false;
  const [first, second] = tag.split('.').map(Number) as [number, number];
  return first <= 2 && (first === 2 || second < 40);
}

function validTag(tag: string): boolean {
  const bare = tag.length > 4 && tag.slice(0, 4).toLowerCase() === 'oid.' ? tag.slice(4) : tag;
  if (/^\d/.test(bare)) return validOid(bare);
  return bare === tag && KNOWN_TAGS.has(tag.toLowerCase());
}

/** Checks one attribute's value against the string type .NET encodes that attribute with. */
function checkValue(tag: string, value: string): string | null {
  const t = tag.toLowerCase();
  if (t === 'c' && !PRINTABLE.test(value)) return INVALID_X500_NAME;
  if (t === 'e' && /[^\x00-\x7f]/.test(value)) return NOT_ASCII;
  return null;
}

/** .NET's char.IsWhiteSpace for the characters a name can hold (ASCII fast path). */
function isSpace(c: string): boolean {
  const code = c.charCodeAt(0);
  return code === 32 || (code >= 9 && code <= 13) || (code > 127 && /\s/.test(c));
}
/** char.IsControl: C0 and C1 controls. */
function isControl(c: string): boolean {
  const code = c.charCodeAt(0);
  return code < 32 || (code >= 127 && code < 160);
}
const isSeparator = (c: string) => c === ',' || c === ';';

/**
 * Why `new X500DistinguishedName(text)` would throw (its .NET message), or null when it accepts the text.
 * @example x500NameError('garbage') // 'The string contains an invalid X500 name attribute key, oid, value or delimiter.'
 */
export function x500NameError(text: string): string | null {
  let state: 'tag' | 'tagEnd' | 'equals' | 'valueStart' | 'value' | 'quoted' | 'afterQuote' = 'tag';
  let tagStart = 0;
  let tagEnd = 0;
  let tag = '';
  let valueStart = 0;
  let valueEnd = 0;
  for (let pos = 0; pos < text.length; pos++) {
    const c = text[pos]!;
    if (state === 'tag') {
      if (isSpace(c)) continue;
      if (isControl(c)) return INVALID_X500_NAME;
      tagStart = pos;
      tagEnd = pos + 1;
      state = 'tagEnd';
    } else if (state === 'tagEnd' || state === 'equals') {
      if (c === '=') {
        tag = text.slice(tagStart, tagEnd);
        if (!validTag(tag)) return INVALID_X500_NAME;
        state = 'valueStart';
      } else if (isSpace(c)) {
        state = 'equals';
      } else if (state === 'equals' || isControl(c)) {
        return INVALID_X500_NAME;
      } else {
        tagEnd = pos + 1;
      }
    } else if (state === 'valueStart') {
      if (isSpace(c)) continue;
      if (c === '"') {
        state = 'quoted';
        valueStart = pos + 1;
      } else if (isSeparator(c)) {
        const e = checkValue(tag, '');
        if (e) return e;
        state = 'tag';
      } else {
        state = 'value';
        valueStart = pos;
        valueEnd = pos + 1;
      }
    } else if (state === 'quoted') {
      if (c !== '"') continue;
      if (text[pos + 1] === '"') {
        pos++;
        continue;
      }
      valueEnd = pos;
      state = 'afterQuote';
    } else if (isSeparator(c)) {
      const e = checkValue(tag, text.slice(valueStart, valueEnd));
      if (e) return e;
      state = 'tag';
    } else if (state === 'value') {
      if (!isSpace(c)) valueEnd = pos + 1;
    } else if (!isSpace(c)) {
      return INVALID_X500_NAME;
    }
  }
  if (state === 'value' || state === 'afterQuote') return checkValue(tag, text.slice(valueStart, valueEnd));
  if (state === 'valueStart') return checkValue(tag, '');
  return state === 'tag' ? null : INVALID_X500_NAME;
}
