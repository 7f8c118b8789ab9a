import { isExpression } from '../node/expression.js';
import { Secret, REDACTED_TEXT } from '../node/secret.js';

/** A short, safe description of a value for error messages (secrets redacted, long text cut). */
export function describeValue(value: unknown): string {
  if (value instanceof Secret) return REDACTED_TEXT;
  if (typeof value === 'string') {
    const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
    return JSON.stringify(shown);
  }
  if (value instanceof Uint8Array) return `<${value.length} bytes>`;
  if (Array.isArray(value)) return `[${value.map(describeValue).join(', ')}]`;
  if (isExpression(value)) {
    switch (value.kind) {
      case 'variable':
        return `$${[value.name, ...value.path].join('.')}`;
      case 'fileBytes':
        return `fileBytes(${JSON.stringify(value.path)})`;
      case 'pipelineInput':
        return 'pipeline input';
      case 'secretPrompt':
        return 'a password prompt';
      case 'expression':
        return `(${value.text.length > 60 ? `${value.text.slice(0, 57)}...` : value.text})`;
    }
  }
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'object') return 'an object';
  return String(value);
}
