import type { Invocation, ParameterValue } from '../node/invocation.js';
import type { Extent } from '../ast/ast.js';

/** An invocation read from text: what builders produce, plus where it stands. */
export interface BoundInvocation extends Invocation {
  readonly extent: Extent;
  /** Positional arguments of a command exchcert does not know (its named ones are in `parameters`). */
  readonly args?: readonly ParameterValue[];
}
