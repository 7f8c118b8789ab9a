// CLIXML's `_xHHHH_` escapes for characters XML cannot carry, both ways.
const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** Decodes `_xHHHH_` escapes. @example decodeClixmlString('a_x000A_b') // 'a\nb' */
export function decodeClixmlString(text: string): string {
  return text.includes('_x') ? text.replace(ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

const hex4 = (code: number) => `_x${code.toString(16).toUpperCase().padStart(4, '0')}_`;

/** Escapes what XML 1.0 cannot hold (controls, lone surrogates, U+FFFE/F) and a literal `_x`, as PowerShell does. @example encodeClixmlString('a\nb') // 'a_x000A_b' */
export function encodeClixmlString(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += text[i] + text[i + 1];
        i++;
        continue;
      }
    }
    if (c < 0x20 || (c >= 0xd800 && c <= 0xdfff) || c === 0xfffe || c === 0xffff) out += hex4(c);
    else if (c === 0x5f && text[i + 1] === 'x') out += hex4(c);
    else out += text[i];
  }
  return out;
}
