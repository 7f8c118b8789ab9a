// Tokens produced by the runbook tokenizer (a subset of PowerShell's TokenKind).

/** The kinds of token; names follow PowerShell's TokenKind where one exists. */
export type TokenKind =
  | 'EndOfInput'
  | 'NewLine'
  | 'Semi'
  | 'Comma'
  | 'Pipe'
  | 'OrOr'
  | 'Ampersand'
  | 'AndAnd'
  | 'LParen'
  | 'RParen'
  | 'LCurly'
  | 'RCurly'
  | 'LBracket'
  | 'RBracket'
  | 'AtParen'
  | 'AtCurly'
  | 'DollarParen'
  | 'Dot'
  | 'DotDot'
  | 'ColonColon'
  | 'Colon'
  | 'QuestionMark'
  | 'QuestionQuestion'
  | 'QuestionQuestionEquals'
  | 'QuestionDot'
  | 'QuestionLBracket'
  | 'Variable'
  | 'SplattedVariable'
  | 'Number'
  | 'StringLiteral'
  | 'StringExpandable'
  | 'HereStringLiteral'
  | 'HereStringExpandable'
  | 'Generic'
  | 'Identifier'
  | 'Keyword'
  | 'Label'
  | 'Parameter'
  | 'Operator'
  | 'Equals'
  | 'PlusEquals'
  | 'MinusEquals'
  | 'MultiplyEquals'
  | 'DivideEquals'
  | 'RemainderEquals'
  | 'Plus'
  | 'Minus'
  | 'Multiply'
  | 'Divide'
  | 'Rem'
  | 'PlusPlus'
  | 'MinusMinus'
  | 'Exclaim'
  | 'Redirection'
  | 'RedirectInStd';

/** A `$(...)` inside an expandable string or bare word, kept as text to parse later (as PowerShell does). */
export interface NestedSubExpression {
  readonly kind: 'subexpression';
  /** The text to parse, starting with `$(`; equal to the source unless `""` pairs were folded. */
  readonly text: string;
  /** Offsets (in the tokenizer's own text) of the `$` and just after the closing `)`. */
  readonly start: number;
  readonly end: number;
  /** Origin offset of each character of `text` plus one for its end, when `text` differs from the source. */
  readonly map: Int32Array | null;
}

/** One piece of an expandable string: literal text, a variable token, or a sub-expression to parse. */
export type ExpandablePart = string | Token | NestedSubExpression;

/** A scanned token; offsets are indices into the tokenizer's text (see Tokenizer.origin). */
export interface Token {
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
  /** The token's source text. */
  readonly text: string;
  /**
   * Strings and bare words: the value after escapes (variables and sub-expressions kept as written);
   * identifiers: the name; keywords and operators: the lower-case name (operators with a leading '-');
   * parameters: the name without dash and colon; variables: the variable path.
   */
  readonly value: string;
  /** Expandable strings and bare words holding `$`: the parts in order. */
  readonly parts?: readonly ExpandablePart[];
  /** Numbers: the value and its .NET type. */
  readonly number?: { readonly value: number; readonly staticType: 'Int32' | 'Int64' | 'Double' | 'Decimal' };
  /** Parameters: a colon ended the token (`-Name:`). */
  readonly usedColon?: boolean;
}
