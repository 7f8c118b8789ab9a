// The failures of a method call the interpreter cannot answer: an unimplemented .NET method, or no such method.
import { RuntimeFailure } from '../runtime/runtime-failure.js';
import { typeNameOf } from '../runtime/ps-values.js';

/** Thrown for a real .NET method the interpreter does not implement. */
export class UnsupportedMethod extends Error {
  readonly typeName: string;
  readonly method: string;

  constructor(typeName: string, method: string) {
    super(`${typeName}.${method}()`);
    this.typeName = typeName;
    this.method = method;
  }
}

/** PowerShell's MethodNotFound failure for `target.name()`. */
export function methodNotFound(target: unknown, name: string): RuntimeFailure {
  return new RuntimeFailure(
    `Method invocation failed because [${typeNameOf(target)}] does not contain a method named '${name}'.`,
    { errorId: 'MethodNotFound', category: 'InvalidOperation' },
  );
}
