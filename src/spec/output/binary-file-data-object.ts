// BinaryFileDataObject: what New-ExchangeCertificate -GenerateRequest -BinaryEncoded and Export-ExchangeCertificate -BinaryEncoded output.
import * as z from 'zod/mini';
import { bytesFromJson } from './json-values.js';

/** Microsoft.Exchange.Data.BinaryFileDataObject: `FileData` holds DER request bytes or PFX bytes. */
export const BinaryFileDataObjectSchema = z.object({
  FileData: z.instanceof(Uint8Array),
});

/** A BinaryFileDataObject as the mock and real-shell backends hand it out. */
export type BinaryFileDataObject = z.infer<typeof BinaryFileDataObjectSchema>;

/**
 * Parses a BinaryFileDataObject from JSON (ConvertTo-Json writes FileData as an array of numbers; base64 text is accepted too).
 * @example binaryFileDataObjectFromJson({ FileData: [48, 130] }).FileData // Uint8Array [48, 130]
 */
export function binaryFileDataObjectFromJson(json: unknown): BinaryFileDataObject {
  const input = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  return BinaryFileDataObjectSchema.parse({ FileData: bytesFromJson(input['FileData']) });
}

/** True for a BinaryFileDataObject (an object whose FileData is bytes). */
export function isBinaryFileDataObject(value: unknown): value is BinaryFileDataObject {
  return BinaryFileDataObjectSchema.safeParse(value).success;
}
