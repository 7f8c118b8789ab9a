// break / continue / return unwinding through the interpreter (not errors).

/** Thrown by `break`, `continue` and `return`; caught by the enclosing loop, script block or script. */
export class FlowSignal {
  readonly kind: 'break' | 'continue' | 'return';
  /** What `return <pipeline>` writes. */
  readonly output: readonly unknown[];

  constructor(kind: 'break' | 'continue' | 'return', output: readonly unknown[] = []) {
    this.kind = kind;
    this.output = output;
  }
}
