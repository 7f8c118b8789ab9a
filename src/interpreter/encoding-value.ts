// System.Text.Encoding objects ([System.Text.Encoding]::Unicode and friends) with GetBytes/GetString.
import type { TextEncodingName } from '../runtime/interpreter-dialect.js';
import { decodeText, encodeText, preambleOf } from './text-codec.js';
import type { PsMemberSource } from '../runtime/ps-values.js';

const INFO: Readonly<Partial<Record<TextEncodingName, { type: string; name: string; web: string; codePage: number }>>> =
  {
    unicode: { type: 'System.Text.UnicodeEncoding', name: 'Unicode', web: 'utf-16', codePage: 1200 },
    bigendianunicode: {
      type: 'System.Text.UnicodeEncoding',
      name: 'Unicode (Big-Endian)',
      web: 'utf-16BE',
      codePage: 1201,
    },
    utf8BOM: { type: 'System.Text.UTF8Encoding', name: 'Unicode (UTF-8)', web: 'utf-8', codePage: 65001 },
    utf8NoBOM: { type: 'System.Text.UTF8Encoding', name: 'Unicode (UTF-8)', web: 'utf-8', codePage: 65001 },
    ascii: { type: 'System.Text.ASCIIEncoding', name: 'US-ASCII', web: 'us-ascii', codePage: 20127 },
    utf32: { type: 'System.Text.UTF32Encoding', name: 'Unicode (UTF-32)', web: 'utf-32', codePage: 12000 },
    ansi: {
      type: 'System.Text.SBCSCodePageEncoding',
      name: 'Western European (Windows)',
      web: 'Windows-1252',
      codePage: 1252,
    },
  };

/** An Encoding object; `preamble` is what GetPreamble() returns (UTF8 and Unicode have one, GetBytes never writes it). */
export class EncodingValue implements PsMemberSource {
  readonly encoding: TextEncodingName;

  constructor(encoding: TextEncodingName) {
    this.encoding = encoding;
  }

  get typeName(): string {
    return INFO[this.encoding]?.type ?? 'System.Text.Encoding';
  }

  getBytes(text: string): Uint8Array {
    return encodeText(text, this.encoding);
  }

  getString(bytes: Uint8Array): string {
    return decodeText(bytes, this.encoding);
  }

  /** The byte-order mark (static ::UTF8 and ::Unicode report one). */
  preamble(): Uint8Array {
    if (this.encoding === 'utf8NoBOM') return preambleOf('utf8BOM');
    return preambleOf(this.encoding);
  }

  psGet(name: string): unknown {
    const info = INFO[this.encoding];
    switch (name.toLowerCase()) {
      case 'encodingname':
        return info?.name ?? this.encoding;
      case 'webname':
      case 'bodyname':
      case 'headername':
        return info?.web ?? this.encoding;
      case 'codepage':
      case 'windowscodepage':
        return info?.codePage ?? 0;
      case 'issinglebyte':
        return this.encoding === 'ascii' || this.encoding === 'ansi';
      default:
        return undefined;
    }
  }

  toString(): string {
    return this.typeName;
  }
}
