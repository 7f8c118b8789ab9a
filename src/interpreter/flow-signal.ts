// break / continue / return unwinding through the interpreter (not errors).

/** Thrown by `break`, `continue` and `return`; caught by the enclosing loop, switch, function, script block or script. */
export class FlowSignal {
  readonly kind: 'break' | 'continue' | 'return';
  /** What `return <pipeline>` writes. */
  readonly output: readonly unknown[];
  /** `break outer`: the label of the loop to leave (lower case), else null. */
  readonly label: string | null;

  constructor(kind: 'break' | 'continue' | 'return', output: readonly unknown[] = [], label: string | null = null) {
    this.kind = kind;
    this.output = output;
    this.label = label;
  }

  /** Whether a loop (or switch) labelled `label` handles this break/continue. */
  stopsAt(label: string | null | undefined): boolean {
    return this.kind !== 'return' && (this.label === null || this.label === (label ?? '').toLowerCase());
  }
}
