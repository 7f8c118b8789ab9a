// Typed computed values: what a parameter gets when it is not a literal.

/** `$name` or `$name.Member.Member`. */
export interface VariableExpression {
  readonly kind: 'variable';
  readonly name: string;
  readonly path: readonly string[];
}

/** The bytes of a file, read on the machine that runs the script (each dialect its own way). */
export interface FileBytesExpression {
  readonly kind: 'fileBytes';
  readonly path: string;
}

/** A value that arrives through the pipeline from the previous command. */
export interface PipelineInputExpression {
  readonly kind: 'pipelineInput';
  /** `property`: bound by property name (e.g. a certificate's Thumbprint); `value`: the object itself. */
  readonly by: 'property' | 'value';
}

/** A SecureString typed at a prompt (`Read-Host -AsSecureString`). */
export interface SecretPromptExpression {
  readonly kind: 'secretPrompt';
  readonly prompt: string | null;
}

/** Any other PowerShell expression, kept as its exact text (already valid PowerShell). */
export interface VerbatimExpression {
  readonly kind: 'expression';
  readonly text: string;
}

export type Expression =
  VariableExpression | FileBytesExpression | PipelineInputExpression | SecretPromptExpression | VerbatimExpression;

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Validates a variable or member name; exchcert only emits plain identifiers. */
export function assertIdentifier(kind: string, name: string): void {
  if (!NAME_RE.test(name)) {
    throw new TypeError(`Invalid ${kind} name '${name}': use letters, digits and _ (not starting with a digit)`);
  }
}

/**
 * A reference to a variable set earlier in the script, optionally a member of it.
 * @example variable('cert', 'Thumbprint') // renders $cert.Thumbprint
 */
export function variable(name: string, ...path: string[]): VariableExpression {
  const clean = name.startsWith('$') ? name.slice(1) : name;
  assertIdentifier('variable', clean);
  for (const member of path) assertIdentifier('member', member);
  return Object.freeze({ kind: 'variable', name: clean, path: Object.freeze([...path]) });
}

/**
 * "The bytes of this file": each dialect renders its own reader.
 * @example importExchangeCertificate({ fileData: fileBytes('C:\\install\\cert.cer') })
 */
export function fileBytes(path: string): FileBytesExpression {
  if (typeof path !== 'string' || path.length === 0) throw new TypeError('fileBytes needs a non-empty path');
  return Object.freeze({ kind: 'fileBytes', path });
}

/** Marks a parameter as filled from the pipeline. @example pipelineInput('property') */
export function pipelineInput(by: 'property' | 'value' = 'property'): PipelineInputExpression {
  return Object.freeze({ kind: 'pipelineInput', by });
}

/** A password typed at a prompt when the script runs. @example secretPrompt('PFX password') */
export function secretPrompt(prompt: string | null = null): SecretPromptExpression {
  return Object.freeze({ kind: 'secretPrompt', prompt });
}

/** Wraps PowerShell expression text that the binder could not type (kept exactly as written). */
export function verbatim(text: string): VerbatimExpression {
  return Object.freeze({ kind: 'expression', text });
}

/** True for the typed expression objects above. */
export function isExpression(value: unknown): value is Expression {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Uint8Array) return false;
  const kind = (value as { kind?: unknown }).kind;
  return (
    kind === 'variable' ||
    kind === 'fileBytes' ||
    kind === 'pipelineInput' ||
    kind === 'secretPrompt' ||
    kind === 'expression'
  );
}
