// Expression rules of the runbook parser (PowerShell's Parser.cs: ExpressionRule down to PrimaryExpressionRule).
import type {
  AttributeAst,
  ExpressionAst,
  HashtableAst,
  NamedAttributeArgumentAst,
  PipelineBaseAst,
  StatementAst,
  StatementBlockAst,
  StringConstantExpressionAst,
  StringConstantType,
  TypeConstraintAst,
  ScriptBlockAst,
} from '../ast/ast.js';
import { Tokenizer } from './tokenizer.js';
import type { NestedSubExpression, Token } from './token.js';
import { checkDuplicateKeys, checkIncrementTarget, checkOrdered, splattingNotPermitted } from './semantic-checks.js';
import { ParserBase } from './parser-base.js';

const UNARY_OPERATORS: ReadonlySet<string> = new Set(['-not', '-bnot', '-split', '-isplit', '-csplit', '-join']);

/** PowerShell's binary precedence (TokenFlags.BinaryPrecedence*): higher binds tighter; 0 = not binary. */
function binaryPrecedence(t: Token): number {
  switch (t.kind) {
    case 'Operator': {
      const op = t.value;
      if (op === '-and' || op === '-or' || op === '-xor') return 1;
      if (op === '-band' || op === '-bor' || op === '-bxor') return 2;
      if (op === '-f') return 12;
      if (op === '-not' || op === '-bnot') return 0;
      return 5;
    }
    case 'QuestionQuestion':
      return 7;
    case 'Plus':
    case 'Minus':
      return 9;
    case 'Multiply':
    case 'Divide':
    case 'Rem':
      return 10;
    case 'DotDot':
      return 13;
    default:
      return 0;
  }
}

function binaryOperatorText(t: Token): string {
  switch (t.kind) {
    case 'Operator':
      return t.value;
    case 'Plus':
      return '+';
    case 'Minus':
      return '-';
    case 'Multiply':
      return '*';
    case 'Divide':
      return '/';
    case 'Rem':
      return '%';
    case 'DotDot':
      return '..';
    default:
      return t.text;
  }
}

function isUnaryOperator(t: Token): boolean {
  switch (t.kind) {
    case 'Comma':
    case 'Exclaim':
    case 'Plus':
    case 'Minus':
    case 'PlusPlus':
    case 'MinusMinus':
      return true;
    case 'Operator':
      return UNARY_OPERATORS.has(t.value);
    default:
      return false;
  }
}

function unaryOperatorText(t: Token): string {
  switch (t.kind) {
    case 'Exclaim':
      return '!';
    case 'Plus':
      return '+';
    case 'Minus':
      return '-';
    case 'PlusPlus':
      return '++';
    case 'MinusMinus':
      return '--';
    default:
      return t.value;
  }
}

/** The parts of a script block between its braces (or of a whole script). */
export type ScriptBlockBody = Omit<ScriptBlockAst, 'type' | 'extent'>;

/** Expressions, type names, member access and the `(...)`, `$(...)`, `@{...}`, `{...}` forms; statements come from the subclass. */
export abstract class ExpressionParser extends ParserBase {
  /** `pipeline-chain`: an assignment or a pipeline, or null when nothing starts one. */
  protected abstract pipelineChainRule(): PipelineBaseAst | null;
  /** Statements up to `)`, `}` or the end. */
  protected abstract statementListRule(): StatementAst[];
  /** One statement, or null at the end. */
  protected abstract statementRule(): StatementAst | null;
  /** A script block body (using statements, param block, named blocks or statements) up to `}`. */
  protected abstract scriptBlockBody(start: number, isFilter: boolean): ScriptBlockBody;
  /** A parser for the text of a `$(...)` found in a string. */
  protected abstract nestedParser(tok: Tokenizer): ExpressionParser;

  protected expressionRule(endNumberOnTernary = false): ExpressionAst | null {
    const old = this.setMode('expression');
    try {
      const expr = this.binaryExpressionRule(endNumberOnTernary);
      if (expr === null) return null;
      const t = this.peek();
      if (t.kind !== 'QuestionMark') return expr;
      return this.ternaryRule(expr, t);
    } finally {
      this.setMode(old);
    }
  }

  /** `condition ? ifTrue : ifFalse` after the `?` was peeked. */
  protected ternaryRule(condition: ExpressionAst, question: Token): ExpressionAst {
    this.skip();
    this.enter(question);
    try {
      this.skipNewlines();
      const ifTrue = this.expressionRule(true);
      if (ifTrue === null) {
        this.failAfter(`You must provide a value expression following the '?' operator.`, this.endOf(question));
      }
      this.skipNewlines();
      const colon = this.next();
      if (colon.kind !== 'Colon') this.failAfter("Missing ':' in the ternary expression.", ifTrue.extent.endOffset);
      this.skipNewlines();
      const ifFalse = this.expressionRule();
      if (ifFalse === null) {
        this.failAfter(`You must provide a value expression following the ':' operator.`, this.endOf(colon));
      }
      return {
        type: 'TernaryExpressionAst',
        extent: this.span(condition.extent.startOffset, ifFalse.extent.endOffset),
        condition,
        ifTrue,
        ifFalse,
      };
    } finally {
      this.leave();
    }
  }

  protected binaryExpressionRule(endNumberOnTernary: boolean): ExpressionAst | null {
    const old = this.setMode('expression');
    let entered = 0;
    try {
      const first = this.arrayLiteralRule(endNumberOnTernary);
      if (first === null) return null;
      let t = this.peek();
      if (binaryPrecedence(t) === 0) {
        if (t.kind === 'Parameter') this.failAt(`Unexpected token '${t.text}' in expression or statement.`, t);
        return first;
      }
      this.skip();
      const operands: ExpressionAst[] = [first];
      const operators: Token[] = [t];
      let precedence = binaryPrecedence(t);
      for (;;) {
        this.enter(t);
        entered++;
        this.skipNewlines();
        const rhs = this.arrayLiteralRule(true);
        if (rhs === null)
          this.failAfter(`You must provide a value expression following the '${t.text}' operator.`, this.endOf(t));
        operands.push(rhs);
        t = this.next();
        const p = binaryPrecedence(t);
        if (p === 0) {
          this.unget(t);
          if (t.kind === 'Parameter') this.failAt(`Unexpected token '${t.text}' in expression or statement.`, t);
          break;
        }
        while (p <= precedence) {
          const right = operands.pop()!;
          const left = operands.pop()!;
          operands.push(this.binary(left, operators.pop()!, right));
          if (operators.length === 0) break;
          precedence = binaryPrecedence(operators[operators.length - 1]!);
        }
        operators.push(t);
        precedence = p;
      }
      let right = operands.pop()!;
      while (operands.length > 0) right = this.binary(operands.pop()!, operators.pop()!, right);
      return right;
    } finally {
      this.leave(entered);
      this.setMode(old);
    }
  }

  protected binary(left: ExpressionAst, op: Token, right: ExpressionAst): ExpressionAst {
    return {
      type: 'BinaryExpressionAst',
      extent: this.span(left.extent.startOffset, right.extent.endOffset),
      operator: binaryOperatorText(op),
      left,
      right,
    };
  }

  protected arrayLiteralRule(endNumberOnTernary: boolean): ExpressionAst | null {
    const first = this.unaryExpressionRule(endNumberOnTernary);
    if (first === null) return null;
    let comma = this.peek();
    if (comma.kind !== 'Comma' || this.disableCommaOperator) return first;
    const elements = [first];
    while (comma.kind === 'Comma') {
      this.skip();
      this.skipNewlines();
      const e = this.unaryExpressionRule(true);
      if (e === null) this.failAfter("Missing expression after ','.", this.endOf(comma));
      elements.push(e);
      comma = this.peek();
    }
    return this.arrayLiteral(elements);
  }

  protected unaryExpressionRule(endNumberOnTernary = false): ExpressionAst | null {
    let t: Token;
    const oldAllow = this.tok.allowSignedNumbers;
    const oldTernary = this.tok.forceEndNumberOnTernaryOpChars;
    try {
      this.tok.allowSignedNumbers = true;
      this.tok.forceEndNumberOnTernaryOpChars = endNumberOnTernary;
      if (this.ungot !== null && (this.ungot.kind === 'Minus' || (endNumberOnTernary && this.ungot.kind === 'Generic')))
        this.resync(this.ungot.start);
      t = this.peek();
    } finally {
      this.tok.allowSignedNumbers = oldAllow;
      this.tok.forceEndNumberOnTernaryOpChars = oldTernary;
    }
    this.enter(t);
    try {
      let expr: ExpressionAst | null;
      if (isUnaryOperator(t)) {
        if (this.disableCommaOperator && t.kind === 'Comma') return null;
        this.skip();
        this.skipNewlines();
        const child = this.unaryExpressionRule(true);
        if (child === null) this.failAfter(`Missing expression after unary operator '${t.text}'.`, this.endOf(t));
        const extent = this.span(this.startOf(t), child.extent.endOffset);
        expr =
          t.kind === 'Comma'
            ? { type: 'ArrayLiteralAst', extent, elements: [child] }
            : { type: 'UnaryExpressionAst', extent, operator: unaryOperatorText(t), child };
        if (t.kind === 'PlusPlus' || t.kind === 'MinusMinus')
          this.defer(checkIncrementTarget(child, unaryOperatorText(t)));
      } else if (t.kind === 'LBracket') {
        expr = this.typeLiteralOrCast();
      } else {
        expr = this.primaryExpressionRule(true);
      }
      if (expr !== null) {
        const p = this.peek();
        if (p.kind === 'PlusPlus' || p.kind === 'MinusMinus') {
          this.skip();
          this.defer(checkIncrementTarget(expr, p.kind === 'PlusPlus' ? '++' : '--'));
          expr = {
            type: 'UnaryExpressionAst',
            extent: this.span(expr.extent.startOffset, this.endOf(p)),
            operator: (p.kind === 'PlusPlus' ? '++' : '--') + 'postfix',
            child: expr,
          };
        }
      }
      return expr;
    } finally {
      this.leave();
    }
  }

  /** `[Type]` alone (TypeExpressionAst, possibly with `::Member`) or `[Type]expr` casts, outermost first. */
  protected typeLiteralOrCast(): ExpressionAst | null {
    const types: (TypeConstraintAst | AttributeAst)[] = [];
    let entered = 0;
    try {
      for (;;) {
        const type = this.attributeRule();
        if (type === null) break;
        types.push(type);
        this.enter(type.extent.startOffset);
        entered++;
      }
      if (types.length === 0) return null;
      const last = types[types.length - 1]!;
      const typeExpr = (): ExpressionAst => ({
        type: 'TypeExpressionAst',
        extent: last.extent,
        typeName: last.typeName,
      });
      let expr: ExpressionAst | null = null;
      const member =
        this.ungot === null && last.type === 'TypeConstraintAst' ? this.tok.memberAccessOperator(false) : null;
      if (member !== null) {
        expr = this.checkPostPrimary(member, typeExpr());
      } else {
        const t = this.peek();
        if (t.kind !== 'NewLine' && t.kind !== 'Comma') {
          const child = this.unaryExpressionRule(true);
          if (child !== null) expr = this.convert(last, child);
        }
      }
      if (expr === null && last.type === 'AttributeAst') {
        this.fail(`Unexpected attribute '${last.typeName}'.`, last.extent.startOffset);
      }
      expr ??= typeExpr();
      for (let i = types.length - 2; i >= 0; i--) expr = this.convert(types[i]!, expr);
      return expr;
    } finally {
      this.leave(entered);
    }
  }

  protected convert(typeConstraint: TypeConstraintAst | AttributeAst, child: ExpressionAst): ExpressionAst {
    if (typeConstraint.type === 'AttributeAst') {
      return {
        type: 'AttributedExpressionAst',
        extent: this.span(typeConstraint.extent.startOffset, child.extent.endOffset),
        attribute: typeConstraint,
        child,
      };
    }
    this.defer(checkOrdered(typeConstraint.typeName, child, typeConstraint.extent.startOffset));
    return {
      type: 'ConvertExpressionAst',
      extent: this.span(typeConstraint.extent.startOffset, child.extent.endOffset),
      typeConstraint,
      child,
    };
  }

  /** `[TypeName]` (a type constraint) or `[Name(arguments)]` (an attribute). Null when no `[` follows. */
  protected attributeRule(): TypeConstraintAst | AttributeAst | null {
    let lBracket: Token | null;
    if (this.ungot !== null) {
      if (this.ungot.kind !== 'LBracket') return null;
      lBracket = this.next();
    } else {
      lBracket = this.tok.lBracket();
    }
    if (lBracket === null) return null;
    this.skipNewlines();
    const typeName = this.typeNameRule();
    if (typeName === null) this.failAfter("Missing type name after '['.", this.endOf(lBracket));
    let close = this.next();
    if (close.kind === 'LParen') {
      const [positionalArguments, namedArguments] = this.attributeArgumentsRule(close);
      close = this.next();
      if (close.kind !== 'RBracket') {
        this.fail('Missing ] at end of attribute or type literal.', this.startOf(close), this.startOf(close));
      }
      const extent = this.span(this.startOf(lBracket), this.endOf(close));
      return { type: 'AttributeAst', extent, typeName, positionalArguments, namedArguments };
    }
    if (close.kind !== 'RBracket')
      this.fail('Missing ] at end of attribute or type literal.', this.startOf(close), this.startOf(close));
    return { type: 'TypeConstraintAst', extent: this.span(this.startOf(lBracket), this.endOf(close)), typeName };
  }

  /** The `( ... )` of an attribute: positional expressions and `Name = value` (or bare `Name`) pairs, up to `)`. */
  protected attributeArgumentsRule(lParen: Token): [ExpressionAst[], NamedAttributeArgumentAst[]] {
    return this.nested(lParen, () => this.attributeArgumentsRuleLevel(lParen));
  }

  private attributeArgumentsRuleLevel(_lParen: Token): [ExpressionAst[], NamedAttributeArgumentAst[]] {
    const positional: ExpressionAst[] = [];
    const named: NamedAttributeArgumentAst[] = [];
    const oldMode = this.setMode('expression');
    const oldComma = this.disableCommaOperator;
    this.disableCommaOperator = true;
    try {
      let comma: Token | null = null;
      for (;;) {
        this.skipNewlines();
        const name = this.simpleNameRule();
        if (name !== null) {
          const eq = this.peek();
          let argument: ExpressionAst;
          let omitted = false;
          if (eq.kind === 'Equals') {
            this.skip();
            this.skipNewlines();
            const value = this.expressionRule();
            if (value === null) this.failAfter(`Missing expression after '${name.value} ='.`, this.endOf(eq));
            argument = value;
          } else {
            argument = name;
            omitted = true;
          }
          const extent = this.span(name.extent.startOffset, argument.extent.endOffset);
          named.push({
            type: 'NamedAttributeArgumentAst',
            extent,
            argumentName: name.value,
            argument,
            expressionOmitted: omitted,
          });
        } else {
          const expr = this.expressionRule();
          if (expr !== null) positional.push(expr);
          else if (comma !== null) this.failAfter('Missing argument in parameter list.', this.endOf(comma));
        }
        this.skipNewlines();
        const t = this.peek();
        if (t.kind !== 'Comma') break;
        comma = t;
        this.skip();
      }
      this.skipNewlines();
      const rParen = this.next();
      if (rParen.kind !== 'RParen') {
        this.fail("Missing closing ')' in expression.", this.startOf(rParen), this.startOf(rParen));
      }
      return [positional, named];
    } finally {
      this.disableCommaOperator = oldComma;
      this.setMode(oldMode);
    }
  }

  protected typeNameRule(): string | null {
    const old = this.setMode('typename');
    try {
      const t = this.next();
      if (t.kind !== 'Identifier') {
        this.unget(t);
        return null;
      }
      return this.finishTypeName(t, false);
    } finally {
      this.setMode(old);
    }
  }

  /** `, Assembly, Version=...` after a type name (up to the closing `]`, not included). */
  protected assemblyName(t: Token): string {
    this.skip();
    const spec = this.tok.assemblyNameSpec();
    if (spec.trim() === '') this.failAfter('Missing assembly name after the comma in the type name.', this.endOf(t));
    return ', ' + spec.trim();
  }

  protected finishTypeName(name: Token, unbracketedGenericArg: boolean): string {
    const t = this.peek();
    if (t.kind === 'LBracket') {
      this.skip();
      this.skipNewlines();
      const first = this.next();
      switch (first.kind) {
        case 'RBracket':
        case 'Comma':
          return this.completeArrayTypeName(name.text, first, unbracketedGenericArg);
        case 'LBracket':
        case 'Identifier':
          return this.genericTypeName(name.text, first, unbracketedGenericArg);
        case 'EndOfInput':
          return this.failAfter("Missing type name after '['.", this.endOf(t));
        default:
          return this.failAt(`Unexpected token '${first.text}' in expression or statement.`, first);
      }
    }
    if (t.kind === 'Comma' && !unbracketedGenericArg) return name.text + this.assemblyName(t);
    return name.text;
  }

  protected completeArrayTypeName(element: string, firstAfterLBracket: Token, unbracketedGenericArg: boolean): string {
    let name = element;
    let first = firstAfterLBracket;
    for (let level = 0; ; level++) {
      if (level > 200) this.failAt('Processing was stopped because the script is too complex.', first);
      if (first.kind === 'Comma') {
        let dims = 1;
        let lastComma: Token;
        let t = first;
        do {
          lastComma = t;
          dims++;
          t = this.next();
        } while (t.kind === 'Comma');
        if (dims > 32) this.failAt(`The array type has ${dims} dimensions; the maximum is 32.`, first);
        if (t.kind !== 'RBracket')
          this.failAfter('Missing ] at end of attribute or type literal.', this.endOf(lastComma));
        name += '[' + ','.repeat(dims - 1) + ']';
      } else if (first.kind === 'RBracket') {
        name += '[]';
      } else if (first.kind === 'EndOfInput') {
        this.fail('Missing ] at end of attribute or type literal.', this.startOf(first), this.startOf(first));
      } else {
        this.failAt(`Unexpected token '${first.text}' in expression or statement.`, first);
      }
      const t = this.peek();
      if (!unbracketedGenericArg && t.kind === 'Comma') return name + this.assemblyName(t);
      if (t.kind !== 'LBracket') return name;
      this.skip();
      first = this.next();
    }
  }

  protected genericTypeName(name: string, first: Token, unbracketedGenericArg: boolean): string {
    this.enter(first);
    try {
      const args = [this.singleGenericArgument(first)];
      let last: Token;
      for (;;) {
        this.skipNewlines();
        last = this.next();
        if (last.kind !== 'Comma') break;
        this.skipNewlines();
        const t = this.peek();
        if (t.kind !== 'Identifier' && t.kind !== 'LBracket')
          this.failAfter("Missing type name after '['.", this.endOf(last));
        this.skip();
        args.push(this.singleGenericArgument(t));
      }
      if (last.kind !== 'RBracket')
        this.fail('Missing ] at end of attribute or type literal.', this.startOf(last), this.startOf(last));
      const result = `${name}[${args.join(',')}]`;
      const t = this.peek();
      if (t.kind === 'LBracket') {
        this.skip();
        return this.completeArrayTypeName(result, this.next(), unbracketedGenericArg);
      }
      if (t.kind === 'Comma' && !unbracketedGenericArg) return result + this.assemblyName(t);
      return result;
    } finally {
      this.leave();
    }
  }

  protected singleGenericArgument(first: Token): string {
    if (first.kind === 'Identifier') return this.finishTypeName(first, true);
    const t = this.next();
    if (t.kind !== 'Identifier') this.failAfter("Missing type name after '['.", this.endOf(first));
    const name = this.finishTypeName(t, false);
    const close = this.next();
    if (close.kind !== 'RBracket')
      this.fail('Missing ] at end of type token.', this.startOf(close), this.startOf(close));
    return name;
  }

  protected primaryExpressionRule(withMemberAccess: boolean): ExpressionAst | null {
    const splatAllowed = this.splatAllowed;
    this.splatAllowed = false;
    const t = this.next();
    this.enter(t);
    try {
      let expr: ExpressionAst;
      switch (t.kind) {
        case 'SplattedVariable':
        case 'Variable':
          expr = this.variable(t);
          break;
        case 'Number':
          expr = {
            type: 'ConstantExpressionAst',
            extent: this.tokenExtent(t),
            value: t.number!.value,
            staticType: t.number!.staticType,
          };
          break;
        case 'StringExpandable':
          expr = this.expandable(t, 'DoubleQuoted');
          break;
        case 'HereStringExpandable':
          expr = this.expandable(t, 'DoubleQuotedHereString');
          break;
        case 'StringLiteral':
          expr = this.stringConstant(t, t.value, 'SingleQuoted');
          break;
        case 'HereStringLiteral':
          expr = this.stringConstant(t, t.value, 'SingleQuotedHereString');
          break;
        case 'LParen':
          expr = this.parenthesizedExpressionRule(t);
          break;
        case 'AtParen':
        case 'DollarParen':
          expr = this.subExpressionRule(t);
          break;
        case 'AtCurly':
          expr = this.hashExpressionRule(t);
          break;
        case 'LCurly':
          expr = this.scriptBlockExpressionRule(t);
          break;
        default:
          this.unget(t);
          return null;
      }
      const result = withMemberAccess
        ? this.checkPostPrimary(this.ungot === null ? this.tok.memberAccessOperator(true) : null, expr)
        : expr;
      if (t.kind === 'SplattedVariable' && (!splatAllowed || result !== expr))
        this.defer(splattingNotPermitted(t.value, this.startOf(t), false));
      return result;
    } finally {
      this.leave();
    }
  }

  protected checkPostPrimary(first: Token | null, target: ExpressionAst): ExpressionAst {
    let expr = target;
    let op = first;
    let entered = 0;
    try {
      while (op !== null) {
        this.enter(op);
        entered++;
        this.skipNewlines();
        if (op.kind === 'LBracket' || op.kind === 'QuestionLBracket') expr = this.elementAccessRule(expr, op);
        else expr = this.memberAccessRule(expr, op);
        op = this.ungot === null ? this.tok.memberAccessOperator(true) : null;
      }
      return expr;
    } finally {
      this.leave(entered);
    }
  }

  protected memberAccessRule(target: ExpressionAst, op: Token): ExpressionAst {
    const member = this.memberNameRule();
    if (member === null) this.failAfter('Missing property name after reference operator.', this.endOf(op));
    const isStatic = op.kind === 'ColonColon';
    const nullConditional = op.kind === 'QuestionDot' ? { nullConditional: true as const } : {};
    if (this.ungot === null) {
      const open = this.tok.invokeMemberOpenParen();
      if (open !== null) {
        let args: ExpressionAst[];
        let end: number;
        if (open.kind === 'LParen') {
          [args, end] = this.invokeParamParenListRule(open);
        } else {
          this.skipNewlines();
          const block = this.scriptBlockExpressionRule(open);
          args = [block];
          end = block.extent.endOffset;
        }
        return {
          type: 'InvokeMemberExpressionAst',
          extent: this.span(target.extent.startOffset, end),
          expression: target,
          member,
          arguments: args,
          static: isStatic,
          ...nullConditional,
        };
      }
    }
    return {
      type: 'MemberExpressionAst',
      extent: this.span(target.extent.startOffset, member.extent.endOffset),
      expression: target,
      member,
      static: isStatic,
      ...nullConditional,
    };
  }

  protected memberNameRule(): ExpressionAst | null {
    const simple = this.simpleNameRule();
    if (simple !== null) return simple;
    const t = this.peek();
    if (isUnaryOperator(t) || t.kind === 'LBracket') return this.unaryExpressionRule();
    return this.primaryExpressionRule(false);
  }

  protected simpleNameRule(): StringConstantExpressionAst | null {
    let t: Token;
    this.tok.wantSimpleName = true;
    try {
      t = this.peek();
    } finally {
      this.tok.wantSimpleName = false;
    }
    if (t.kind !== 'Identifier') return null;
    this.skip();
    return this.bareWord(t, t.text);
  }

  protected labelOrKeyRule(): ExpressionAst | null {
    const simple = this.simpleNameRule();
    if (simple !== null) return simple;
    const t = this.peek();
    if (t.kind === 'NewLine' || t.kind === 'Semi') return null;
    const old = this.disableCommaOperator;
    this.disableCommaOperator = true;
    try {
      return this.unaryExpressionRule();
    } finally {
      this.disableCommaOperator = old;
    }
  }

  protected invokeParamParenListRule(lParen: Token): [ExpressionAst[], number] {
    return this.nested(lParen, () => this.invokeParamParenListRuleLevel(lParen));
  }

  private invokeParamParenListRuleLevel(lParen: Token): [ExpressionAst[], number] {
    const args: ExpressionAst[] = [];
    const old = this.disableCommaOperator;
    this.disableCommaOperator = true;
    try {
      let comma: Token | null = null;
      for (;;) {
        this.skipNewlines();
        const arg = this.expressionRule();
        if (arg === null) {
          if (comma !== null) this.failAfter("Missing expression after ','.", this.endOf(comma));
          break;
        }
        args.push(arg);
        this.skipNewlines();
        const c = this.next();
        if (c.kind !== 'Comma') {
          this.unget(c);
          break;
        }
        comma = c;
      }
      this.skipNewlines();
      const rParen = this.next();
      if (rParen.kind !== 'RParen') {
        this.failAfter(
          "Missing ')' in method call.",
          args.length > 0 ? args[args.length - 1]!.extent.endOffset : this.endOf(lParen),
        );
      }
      return [args, this.endOf(rParen)];
    } finally {
      this.disableCommaOperator = old;
    }
  }

  protected elementAccessRule(target: ExpressionAst, lBracket: Token): ExpressionAst {
    return this.nested(lBracket, () => this.elementAccessRuleLevel(target, lBracket));
  }

  private elementAccessRuleLevel(target: ExpressionAst, lBracket: Token): ExpressionAst {
    this.skipNewlines();
    const old = this.disableCommaOperator;
    this.disableCommaOperator = false;
    let index: ExpressionAst | null;
    try {
      index = this.expressionRule();
    } finally {
      this.disableCommaOperator = old;
    }
    if (index === null) this.failAfter('Array index expression is missing or not valid.', this.endOf(lBracket));
    this.skipNewlines();
    const rBracket = this.next();
    if (rBracket.kind !== 'RBracket')
      this.failAfter("Missing ']' after array index expression.", index.extent.endOffset);
    const extent = this.span(target.extent.startOffset, this.endOf(rBracket));
    if (lBracket.kind === 'QuestionLBracket') {
      return { type: 'IndexExpressionAst', extent, target, index, nullConditional: true };
    }
    return { type: 'IndexExpressionAst', extent, target, index };
  }

  protected parenthesizedExpressionRule(lParen: Token): ExpressionAst {
    return this.nested(lParen, () => this.parenthesizedExpressionRuleLevel(lParen));
  }

  private parenthesizedExpressionRuleLevel(lParen: Token): ExpressionAst {
    const old = this.setMode('command');
    const oldComma = this.disableCommaOperator;
    this.disableCommaOperator = false;
    try {
      this.skipNewlines();
      const pipeline = this.pipelineChainRule();
      if (pipeline === null) this.failAfter("An expression was expected after '('.", this.endOf(lParen));
      this.skipNewlines();
      const rParen = this.next();
      if (rParen.kind !== 'RParen') this.failAfter("Missing closing ')' in expression.", pipeline.extent.endOffset);
      return { type: 'ParenExpressionAst', extent: this.span(this.startOf(lParen), this.endOf(rParen)), pipeline };
    } finally {
      this.disableCommaOperator = oldComma;
      this.setMode(old);
    }
  }

  protected subExpressionRule(first: Token): ExpressionAst {
    return this.nested(first, () => this.subExpressionRuleLevel(first));
  }

  private subExpressionRuleLevel(first: Token): ExpressionAst {
    const old = this.setMode('command');
    const oldComma = this.disableCommaOperator;
    this.disableCommaOperator = false;
    try {
      this.skipNewlines();
      const statements = this.statementListRule();
      this.skipNewlines();
      const rParen = this.next();
      if (rParen.kind !== 'RParen')
        this.fail("Missing closing ')' in subexpression.", this.startOf(rParen), this.startOf(rParen));
      const blockExtent =
        statements.length === 1
          ? statements[0]!.extent
          : statements.length > 0
            ? this.span(statements[0]!.extent.startOffset, statements[statements.length - 1]!.extent.endOffset)
            : this.span(this.endOf(first), this.endOf(first));
      const subExpression: StatementBlockAst = { type: 'StatementBlockAst', extent: blockExtent, statements };
      const extent = this.span(this.startOf(first), this.endOf(rParen));
      return first.kind === 'DollarParen'
        ? { type: 'SubExpressionAst', extent, subExpression }
        : { type: 'ArrayExpressionAst', extent, subExpression };
    } finally {
      this.disableCommaOperator = oldComma;
      this.setMode(old);
    }
  }

  protected hashExpressionRule(atCurly: Token): HashtableAst {
    return this.nested(atCurly, () => this.hashExpressionRuleLevel(atCurly));
  }

  private hashExpressionRuleLevel(atCurly: Token): HashtableAst {
    this.skipNewlines();
    const keyValuePairs: (readonly [ExpressionAst, StatementAst])[] = [];
    for (;;) {
      const pair = this.keyValuePair();
      if (pair === null) break;
      keyValuePairs.push(pair);
      const t = this.peek();
      if (t.kind !== 'NewLine' && t.kind !== 'Semi') break;
      this.skipNewlinesAndSemicolons();
    }
    const rCurly = this.next();
    if (rCurly.kind !== 'RCurly')
      this.fail(
        "Missing closing '}' in statement block or type definition.",
        this.endOf(atCurly),
        this.startOf(rCurly),
      );
    const hashtable: HashtableAst = {
      type: 'HashtableAst',
      extent: this.span(this.startOf(atCurly), this.endOf(rCurly)),
      keyValuePairs,
    };
    this.defer(checkDuplicateKeys(hashtable));
    return hashtable;
  }

  protected keyValuePair(): readonly [ExpressionAst, StatementAst] | null {
    let key: ExpressionAst | null;
    let equals: Token;
    const old = this.setMode('expression');
    try {
      key = this.labelOrKeyRule();
      if (key === null) return null;
      equals = this.next();
    } finally {
      this.setMode(old);
    }
    if (equals.kind !== 'Equals')
      this.failAfter("Missing '=' operator after key in hash literal.", key.extent.endOffset);
    const old2 = this.setMode('command');
    try {
      this.skipNewlines();
      const value = this.statementRule();
      if (value === null) this.failAfter("Missing statement after '=' in hash literal.", this.endOf(equals));
      return [key, value];
    } finally {
      this.setMode(old2);
    }
  }

  protected scriptBlockExpressionRule(lCurly: Token): ExpressionAst {
    const old = this.setMode('command');
    const oldComma = this.disableCommaOperator;
    this.disableCommaOperator = false;
    try {
      const scriptBlock = this.scriptBlockRule(lCurly, false);
      return { type: 'ScriptBlockExpressionAst', extent: scriptBlock.extent, scriptBlock };
    } finally {
      this.disableCommaOperator = oldComma;
      this.setMode(old);
    }
  }

  /** `{ body }` after the `{`: a script block (param block, named blocks, statements) with the braces' extent. */
  protected scriptBlockRule(lCurly: Token, isFilter: boolean): ScriptBlockAst {
    return this.nested(lCurly, () => this.scriptBlockRuleLevel(lCurly, isFilter));
  }

  private scriptBlockRuleLevel(lCurly: Token, isFilter: boolean): ScriptBlockAst {
    const old = this.setMode('command');
    const oldComma = this.disableCommaOperator;
    this.disableCommaOperator = false;
    try {
      const body = this.withFlow(false, () => this.scriptBlockBody(this.endOf(lCurly), isFilter));
      const rCurly = this.next();
      if (rCurly.kind !== 'RCurly')
        this.fail(
          "Missing closing '}' in statement block or type definition.",
          this.startOf(lCurly),
          this.startOf(rCurly),
        );
      return { type: 'ScriptBlockAst', extent: this.span(this.startOf(lCurly), this.endOf(rCurly)), ...body };
    } finally {
      this.disableCommaOperator = oldComma;
      this.setMode(old);
    }
  }

  /** A double-quoted string, here-string or bare word: constant unless it holds variables or `$(...)`. */
  protected expandable(t: Token, stringConstantType: StringConstantType): ExpressionAst {
    if (t.parts === undefined) return this.stringConstant(t, t.value, stringConstantType);
    const parts = t.parts.map((part) => {
      if (typeof part === 'string') return part;
      if ('kind' in part && part.kind === 'subexpression') return this.nestedSubExpression(part);
      return this.variable(part as Token);
    });
    return { type: 'ExpandableStringExpressionAst', extent: this.tokenExtent(t), parts, stringConstantType };
  }

  /** Parses the text of a `$(...)` found inside a string, as PowerShell does after scanning the string. */
  protected nestedSubExpression(sub: NestedSubExpression): ExpressionAst {
    const tok =
      sub.map !== null
        ? new Tokenizer(this.src, sub.text, 0, sub.text.length, sub.map, false)
        : new Tokenizer(this.src, this.tok.text, sub.start, sub.end, this.tok.map, false);
    const expr = this.nestedParser(tok).primaryExpressionRule(true);
    if (expr === null) this.fail('A $(subexpression) was expected.', this.tok.origin(sub.start));
    return expr;
  }
}
