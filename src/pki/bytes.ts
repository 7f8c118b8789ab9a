// Small conversions between the binary shapes Node, WebCrypto and @peculiar/x509 use.

/** Bytes as accepted by the PKI functions: a Uint8Array (Buffer included) or an ArrayBuffer. */
export type BinaryInput = Uint8Array | ArrayBuffer;

/**
 * A Uint8Array view of `data` (no copy when it already is one).
 * @example toBytes(new ArrayBuffer(2)).length // 2
 */
export function toBytes(data: BinaryInput | ArrayBufferView): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

/** A fresh ArrayBuffer holding exactly `data`'s bytes (WebCrypto and @peculiar/x509 want one). */
export function toArrayBuffer(data: BinaryInput): ArrayBuffer {
  const bytes = toBytes(data);
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}

/**
 * Upper-case hex without separators, the way Windows prints thumbprints and serial numbers.
 * @example toHexUpper(new Uint8Array([0x0a, 0xff])) // '0AFF'
 */
export function toHexUpper(data: BinaryInput): string {
  return Buffer.from(toBytes(data)).toString('hex').toUpperCase();
}
