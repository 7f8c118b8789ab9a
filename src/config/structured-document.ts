// A YAML or JSON document read with positions, so validation errors can name file:line:column.
import { createRequire } from 'node:module';
import type { Node } from 'yaml';

// yaml is required when a document is read, not when this module loads (CLI start-up without a config file).
const requireYaml = () => createRequire(import.meta.url)('yaml') as typeof import('yaml');
import type { z } from 'zod';
import { ValidationError } from '../errors/validation-error.js';

/** A parsed document: its plain value and where each path starts. */
export interface StructuredDocument {
  readonly file: string;
  readonly value: unknown;
  /** `line:column` (1-based) of the value at `path` (of its key with `key`), or of its nearest existing parent. */
  positionOf(path: readonly PropertyKey[], options?: { readonly key?: boolean }): { line: number; column: number };
}

/**
 * Parses YAML or JSON text (JSON is read as YAML, which it is a subset of) keeping node positions.
 * @example parseStructured('servers:\n  - name: EX1\n', 'desired.yaml').positionOf(['servers', 0, 'name']) // { line: 2, column: 11 }
 */
export function parseStructured(text: string, file: string): StructuredDocument {
  const { LineCounter, isMap, isScalar, isSeq, parseDocument } = requireYaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const at = lineCounter.linePos(first.pos[0]);
    const what = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new ValidationError({
      code: 'DOCUMENT_SYNTAX',
      parameter: file,
      value: `${at.line}:${at.col}`,
      allowed: 'valid YAML or JSON',
      message: `${file}:${at.line}:${at.col}: ${what}`,
    });
  }
  const value: unknown = doc.toJS();
  return {
    file,
    value,
    positionOf(path, options = {}) {
      let node: unknown = doc.contents;
      let best = node as Node | null;
      for (const [i, key] of path.entries()) {
        if (isMap(node) && options.key && i === path.length - 1) {
          const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
          node = pair?.key;
        } else if (isMap(node)) node = node.get(key as string, true);
        else if (isSeq(node)) node = node.get(Number(key), true);
        else break;
        if (node && typeof node === 'object' && 'range' in node && (node as Node).range) best = node as Node;
        else break;
      }
      const offset = best?.range?.[0] ?? 0;
      const pos = lineCounter.linePos(offset);
      return { line: pos.line, column: pos.col };
    },
  };
}

function pathText(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

/**
 * Validates a document (or the part under `prefix`) with a zod schema; the first issue becomes one line naming
 * file:line:column, the key's path and what is allowed.
 * @example validateStructured(parseStructured(text, 'x.json'), z.object({ state: z.string() }))
 */
export function validateStructured<S extends z.ZodType>(
  doc: StructuredDocument,
  schema: S,
  prefix: readonly PropertyKey[] = [],
): z.output<S> {
  let value: unknown = doc.value;
  for (const key of prefix) value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const path = [...prefix, ...issue.path, ...(unknownKey !== undefined ? [unknownKey] : [])];
  const at = doc.positionOf(path, { key: unknownKey !== undefined });
  const where = pathText(path) || '(document)';
  throw new ValidationError({
    code: 'DOCUMENT_INVALID',
    parameter: where,
    value: `${doc.file}:${at.line}:${at.column}`,
    allowed: issue.message,
    message: `${doc.file}:${at.line}:${at.column}: ${where}: ${issue.message}`,
  });
}
