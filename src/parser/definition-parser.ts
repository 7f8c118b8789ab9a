// Definitions of PowerShell's Parser.cs: script block bodies, param blocks, functions, classes, enums, using, data, trap.
import type {
  AttributeAst,
  ConfigurationDefinitionAst,
  DataStatementAst,
  ExpressionAst,
  FunctionDefinitionAst,
  FunctionMemberAst,
  NamedBlockAst,
  ParamBlockAst,
  ParameterAst,
  PropertyMemberAst,
  StatementAst,
  TrapStatementAst,
  TypeConstraintAst,
  TypeDefinitionAst,
  UsingStatementAst,
} from '../ast/ast.js';
import { ParseError } from './parse-error.js';
import type { Token } from './token.js';
import { ExpressionParser } from './expression-parser.js';
import type { ScriptBlockBody } from './expression-parser.js';

const BLOCK_NAMES: ReadonlySet<string> = new Set(['begin', 'process', 'end', 'dynamicparam', 'clean']);
type BlockName = NamedBlockAst['blockKind'];
const BLOCK_FIELDS: Readonly<
  Record<BlockName, 'beginBlock' | 'processBlock' | 'endBlock' | 'dynamicParamBlock' | 'cleanBlock'>
> = {
  begin: 'beginBlock',
  process: 'processBlock',
  end: 'endBlock',
  dynamicparam: 'dynamicParamBlock',
  clean: 'cleanBlock',
};
const USING_KINDS: Readonly<Record<string, UsingStatementAst['usingStatementKind']>> = {
  namespace: 'Namespace',
  module: 'Module',
  assembly: 'Assembly',
  type: 'Type',
  command: 'Command',
};

function isNameToken(t: Token): boolean {
  return (
    t.kind === 'Generic' ||
    t.kind === 'Identifier' ||
    t.kind === 'Keyword' ||
    t.kind === 'StringLiteral' ||
    t.kind === 'StringExpandable' ||
    t.kind === 'Number' ||
    t.kind === 'Variable'
  );
}

/** Script block bodies and the definition statements; plain statements and pipelines come from the subclass. */
export abstract class DefinitionParser extends ExpressionParser {
  /** Statements up to `)`, `}` or the end of input. */
  protected abstract override statementListRule(): StatementAst[];
  /** `{ statements }`, or null when no `{` follows. */
  protected abstract statementBlockRule(): import('../ast/ast.js').StatementBlockAst | null;
  /** A command name or argument starting at `token` (see Parser.commandArgument). */
  protected abstract commandArgument(
    context: 'name' | 'invokedName' | 'argument',
    token: Token,
    ofParameter?: boolean,
  ): ExpressionAst | null;

  /** Using statements (top level only), a param block, then named blocks or statements. */
  protected scriptBlockBody(start: number, isFilter: boolean, topLevel = false): ScriptBlockBody {
    const body: { -readonly [K in keyof ScriptBlockBody]: ScriptBlockBody[K] } = { statements: [] };
    if (topLevel) {
      const usings: UsingStatementAst[] = [];
      for (;;) {
        this.skipNewlinesAndSemicolons();
        const t = this.peek();
        if (t.kind !== 'Keyword' || t.value !== 'using') break;
        this.skip();
        usings.push(this.usingStatementRule(t));
      }
      if (usings.length > 0) body.usingStatements = usings;
    }
    const paramBlock = this.paramBlockRule();
    if (paramBlock !== null) body.paramBlock = paramBlock;
    this.skipNewlinesAndSemicolons();
    const t = this.peek();
    if (t.kind === 'Keyword' && BLOCK_NAMES.has(t.value)) {
      this.namedBlockListRule(body);
      return body;
    }
    body.statements = this.statementListRule();
    if (isFilter && body.statements.length > 0) {
      // A filter's unnamed block is its process block; `statements` keeps it for callers that read only that.
    }
    void start;
    return body;
  }

  protected namedBlockListRule(body: { -readonly [K in keyof ScriptBlockBody]: ScriptBlockBody[K] }): void {
    for (;;) {
      this.skipNewlinesAndSemicolons();
      const name = this.peek();
      if (name.kind !== 'Keyword' || !BLOCK_NAMES.has(name.value)) return;
      this.skip();
      this.skipNewlines();
      const lCurly = this.next();
      if (lCurly.kind !== 'LCurly') {
        this.unget(lCurly);
        this.failAfter(`Missing statement block after '${name.text}'.`, this.endOf(name));
      }
      const statements = this.nested(lCurly, () => this.withFlow(false, () => this.statementListRule()));
      const rCurly = this.next();
      if (rCurly.kind !== 'RCurly') {
        this.fail(
          "Missing closing '}' in statement block or type definition.",
          this.startOf(lCurly),
          this.startOf(rCurly),
        );
      }
      const blockKind = name.value as BlockName;
      const block: NamedBlockAst = {
        type: 'NamedBlockAst',
        extent: this.span(this.startOf(name), this.endOf(rCurly)),
        blockKind,
        unnamed: false,
        statements,
      };
      body[BLOCK_FIELDS[blockKind]] = block;
    }
  }

  /** Attributes and type constraints, newlines allowed between them. */
  protected attributeListRule(): (AttributeAst | TypeConstraintAst)[] {
    const list: (AttributeAst | TypeConstraintAst)[] = [];
    for (;;) {
      this.skipNewlines();
      const a = this.attributeRule();
      if (a === null) return list;
      list.push(a);
    }
  }

  /** `[attributes] param( parameters )`, or null (restoring the position) when the body does not start with one. */
  protected paramBlockRule(): ParamBlockAst | null {
    this.skipNewlinesAndSemicolons();
    const restore = this.ungot !== null ? this.ungot.start : this.tok.restorePoint();
    if (this.ungot !== null && this.ungot.kind === 'Generic' && this.ungot.text.startsWith('[')) this.resync(restore);
    let attributes: (AttributeAst | TypeConstraintAst)[];
    try {
      attributes = this.ungot === null || this.ungot.kind === 'LBracket' ? this.attributeListRule() : [];
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      this.resync(restore);
      return null;
    }
    this.skipNewlines();
    const param = this.peek();
    if (param.kind !== 'Keyword' || param.value !== 'param') {
      if (attributes.length > 0) this.resync(restore);
      return null;
    }
    this.skip();
    this.skipNewlines();
    const lParen = this.next();
    if (lParen.kind !== 'LParen') this.failAfter("Missing '(' after 'param'.", this.endOf(param));
    const parameters = this.parameterListRule();
    const rParen = this.next();
    if (rParen.kind !== 'RParen') this.missingParameterListEnd(parameters, lParen);
    const start = attributes.length > 0 ? attributes[0]!.extent.startOffset : this.startOf(param);
    for (const a of attributes) {
      if (a.type === 'TypeConstraintAst') this.fail(`Unexpected attribute '${a.typeName}'.`, a.extent.startOffset);
    }
    return {
      type: 'ParamBlockAst',
      extent: this.span(start, this.endOf(rParen)),
      attributes: attributes as AttributeAst[],
      parameters,
    };
  }

  /** PowerShell's error for a parameter list without `)`: right after the last parameter (or the `(`). */
  protected missingParameterListEnd(parameters: readonly ParameterAst[], lParen: Token): never {
    const last = parameters[parameters.length - 1];
    return this.failAfter(
      "Missing ')' in function parameter list.",
      last !== undefined ? last.extent.endOffset : this.endOf(lParen),
    );
  }

  /** Parameters separated by commas, up to (not including) `)`. */
  protected parameterListRule(): ParameterAst[] {
    const old = this.setMode('expression');
    const oldComma = this.disableCommaOperator;
    this.disableCommaOperator = true;
    try {
      const parameters: ParameterAst[] = [];
      let comma: Token | null = null;
      for (;;) {
        this.skipNewlines();
        const p = this.parameterRule();
        if (p === null) {
          if (comma !== null) this.failAfter("Missing ')' in function parameter list.", this.endOf(comma));
          break;
        }
        parameters.push(p);
        this.skipNewlines();
        const t = this.peek();
        if (t.kind !== 'Comma') break;
        this.skip();
        comma = t;
      }
      this.skipNewlines();
      return parameters;
    } finally {
      this.disableCommaOperator = oldComma;
      this.setMode(old);
    }
  }

  protected parameterRule(): ParameterAst | null {
    const attributes = this.attributeListRule();
    this.skipNewlines();
    const v = this.next();
    if (v.kind !== 'Variable') {
      this.unget(v);
      const reason =
        'Parameter declarations are a comma-separated list of variable names with optional initializer expressions.';
      if (attributes.length > 0) this.failAfter(reason, attributes[attributes.length - 1]!.extent.endOffset);
      return null;
    }
    const name = this.variable(v);
    let defaultValue: ExpressionAst | null = null;
    const eq = this.peek();
    if (eq.kind === 'Equals') {
      this.skip();
      this.skipNewlines();
      defaultValue = this.expressionRule();
      if (defaultValue === null) this.failAfter("Missing expression after '='.", this.endOf(eq));
    }
    const start = attributes.length > 0 ? attributes[0]!.extent.startOffset : name.extent.startOffset;
    const end = defaultValue !== null ? defaultValue.extent.endOffset : name.extent.endOffset;
    return { type: 'ParameterAst', extent: this.span(start, end), attributes, name, defaultValue };
  }

  /** `function|filter|workflow name [(params)] { body }`. */
  protected functionDeclarationRule(keyword: Token): FunctionDefinitionAst {
    const old = this.setMode('command');
    try {
      this.skipNewlines();
      const nameToken = this.next();
      if (!isNameToken(nameToken)) this.failAfter('Missing name after function keyword.', this.endOf(keyword));
      const name =
        nameToken.kind === 'StringLiteral' || nameToken.kind === 'StringExpandable' ? nameToken.value : nameToken.text;
      this.skipNewlines();
      let parameters: ParameterAst[] | null = null;
      let after = this.endOf(nameToken);
      const lParen = this.peek();
      if (lParen.kind === 'LParen') {
        this.skip();
        parameters = this.parameterListRule();
        const rParen = this.next();
        if (rParen.kind !== 'RParen') this.missingParameterListEnd(parameters, lParen);
        after = this.endOf(rParen);
        this.skipNewlines();
      }
      const lCurly = this.next();
      if (lCurly.kind !== 'LCurly') this.failAfter('Missing function body in function declaration.', after);
      const isFilter = keyword.value === 'filter';
      const body = this.scriptBlockRule(lCurly, isFilter);
      return {
        type: 'FunctionDefinitionAst',
        extent: this.span(this.startOf(keyword), body.extent.endOffset),
        name,
        isFilter,
        isWorkflow: keyword.value === 'workflow',
        parameters,
        body,
      };
    } finally {
      this.setMode(old);
    }
  }

  /** `using namespace|module|assembly|type|command name`. */
  protected usingStatementRule(keyword: Token): UsingStatementAst {
    const old = this.setMode('command');
    try {
      const kindToken = this.next();
      const kind =
        kindToken.kind === 'Keyword' || kindToken.kind === 'Identifier' || kindToken.kind === 'Generic'
          ? USING_KINDS[kindToken.text.toLowerCase()]
          : undefined;
      if (kind === undefined) {
        this.failAfter(
          "The 'using' keyword must be followed by 'namespace', 'module' or 'assembly'.",
          this.endOf(keyword),
        );
      }
      const t = this.next();
      let name: ExpressionAst | null = null;
      let moduleSpecification: import('../ast/ast.js').HashtableAst | null = null;
      if (t.kind === 'AtCurly') {
        moduleSpecification = this.hashExpressionRule(t);
      } else {
        name = this.commandArgument('invokedName', t);
        if (name === null) {
          this.failAfter(`Missing ${kind.toLowerCase()} name after 'using ${kindToken.text}'.`, this.endOf(kindToken));
        }
      }
      const end = (moduleSpecification ?? name)!.extent.endOffset;
      return {
        type: 'UsingStatementAst',
        extent: this.span(this.startOf(keyword), end),
        usingStatementKind: kind,
        name,
        alias: null,
        moduleSpecification,
      };
    } finally {
      this.setMode(old);
    }
  }

  /** `data [name] [-SupportedCommand a, b] { ... }`. */
  protected dataStatementRule(keyword: Token): DataStatementAst {
    this.skipNewlines();
    const nameAst = this.simpleNameRule();
    this.skipNewlines();
    const commandsAllowed: ExpressionAst[] = [];
    const old = this.setMode('command');
    try {
      const p = this.peek();
      if (p.kind === 'Parameter') {
        this.skip();
        if (!'supportedcommand'.startsWith(p.value.toLowerCase())) {
          this.failAt(`The parameter '${p.text}' is not valid for the data section; use -SupportedCommand.`, p);
        }
        for (;;) {
          this.skipNewlines();
          const arg = this.commandArgument('invokedName', this.next());
          if (arg === null) this.failAfter('Missing command name after -SupportedCommand.', this.endOf(p));
          commandsAllowed.push(arg);
          if (this.peek().kind !== 'Comma') break;
          this.skip();
        }
      }
    } finally {
      this.setMode(old);
    }
    const body = this.statementBlockRule();
    if (body === null) {
      this.failAfter('Missing statement block in data section.', nameAst?.extent.endOffset ?? this.endOf(keyword));
    }
    return {
      type: 'DataStatementAst',
      extent: this.span(this.startOf(keyword), body.extent.endOffset),
      variable: nameAst?.value ?? null,
      commandsAllowed,
      body,
    };
  }

  /** `trap [Type] { ... }`. */
  protected trapStatementRule(keyword: Token): TrapStatementAst {
    this.skipNewlines();
    const type = this.attributeRule();
    if (type !== null && type.type !== 'TypeConstraintAst') {
      this.fail(`Unexpected attribute '${type.typeName}'.`, type.extent.startOffset);
    }
    const body = this.statementBlockRule();
    if (body === null) {
      this.failAfter('Missing statement block in trap statement.', type?.extent.endOffset ?? this.endOf(keyword));
    }
    return {
      type: 'TrapStatementAst',
      extent: this.span(this.startOf(keyword), body.extent.endOffset),
      trapType: type,
      body,
    };
  }

  /** `configuration Name { ... }`. */
  protected configurationRule(keyword: Token): ConfigurationDefinitionAst {
    const old = this.setMode('command');
    try {
      this.skipNewlines();
      const instanceName = this.commandArgument('invokedName', this.next());
      if (instanceName === null) this.failAfter('Missing name after the configuration keyword.', this.endOf(keyword));
      this.skipNewlines();
      const lCurly = this.next();
      if (lCurly.kind !== 'LCurly') {
        this.failAfter("Missing opening '{' of the configuration body.", instanceName.extent.endOffset);
      }
      const body = this.scriptBlockExpressionRule(lCurly) as import('../ast/ast.js').ScriptBlockExpressionAst;
      return {
        type: 'ConfigurationDefinitionAst',
        extent: this.span(this.startOf(keyword), body.extent.endOffset),
        instanceName,
        body,
      };
    } finally {
      this.setMode(old);
    }
  }

  /** `class Name [: Base, IFace] { members }` and `enum Name [: type] { A [= v] }`. */
  protected typeDefinitionRule(keyword: Token, attributes: readonly AttributeAst[]): TypeDefinitionAst {
    const isEnum = keyword.value === 'enum';
    this.skipNewlines();
    const name = this.simpleNameRule();
    if (name === null) this.failAfter(`Missing name after the '${keyword.text}' keyword.`, this.endOf(keyword));
    const baseTypes: TypeConstraintAst[] = [];
    const old = this.setMode('expression');
    try {
      this.skipNewlines();
      if (this.peek().kind === 'Colon') {
        this.skip();
        for (;;) {
          this.skipNewlines();
          const t = this.peek();
          const start = this.startOf(t);
          const typeName = this.typeNameRule();
          if (typeName === null) this.failAfter('Missing base type name.', start);
          baseTypes.push({
            type: 'TypeConstraintAst',
            extent: this.span(start, this.tok.origin(this.ungot?.start ?? this.tok.position)),
            typeName,
          });
          this.skipNewlines();
          if (this.peek().kind !== 'Comma') break;
          this.skip();
        }
      }
    } finally {
      this.setMode(old);
    }
    this.skipNewlines();
    const lCurly = this.next();
    if (lCurly.kind !== 'LCurly') {
      this.failAfter(`Missing opening '{' in the ${keyword.value} definition.`, name.extent.endOffset);
    }
    const members: (PropertyMemberAst | FunctionMemberAst)[] = [];
    this.nested(lCurly, () => {
      for (;;) {
        const m = isEnum ? this.enumMemberRule() : this.classMemberRule(name.value);
        if (m === null) break;
        members.push(m);
      }
    });
    const rCurly = this.next();
    if (rCurly.kind !== 'RCurly') {
      this.fail(
        "Missing closing '}' in statement block or type definition.",
        this.startOf(lCurly),
        this.startOf(rCurly),
      );
    }
    const start = attributes.length > 0 ? attributes[0]!.extent.startOffset : this.startOf(keyword);
    return {
      type: 'TypeDefinitionAst',
      extent: this.span(start, this.endOf(rCurly)),
      name: name.value,
      isClass: !isEnum,
      isEnum,
      attributes,
      baseTypes,
      members,
    };
  }

  protected enumMemberRule(): PropertyMemberAst | null {
    this.skipNewlinesAndSemicolons();
    const name = this.simpleNameRule();
    if (name === null) return null;
    let initialValue: ExpressionAst | null = null;
    const old = this.setMode('expression');
    try {
      const eq = this.peek();
      if (eq.kind === 'Equals') {
        this.skip();
        this.skipNewlines();
        initialValue = this.expressionRule();
        if (initialValue === null) this.failAfter("Missing expression after '='.", this.endOf(eq));
      }
    } finally {
      this.setMode(old);
    }
    const end = initialValue?.extent.endOffset ?? name.extent.endOffset;
    return {
      type: 'PropertyMemberAst',
      extent: this.span(name.extent.startOffset, end),
      name: name.value,
      propertyType: null,
      attributes: [],
      initialValue,
      isStatic: true,
      isHidden: false,
    };
  }

  protected classMemberRule(className: string): PropertyMemberAst | FunctionMemberAst | null {
    const attributes: AttributeAst[] = [];
    let typeConstraint: TypeConstraintAst | null = null;
    let isStatic = false;
    let isHidden = false;
    let start = -1;
    const old = this.setMode('command');
    try {
      for (;;) {
        this.skipNewlinesAndSemicolons();
        const list = this.attributeListRule();
        for (const a of list) {
          if (start < 0) start = a.extent.startOffset;
          if (a.type === 'TypeConstraintAst') typeConstraint = a;
          else attributes.push(a);
        }
        this.skipNewlines();
        const t = this.peek();
        if (t.kind === 'Keyword' && (t.value === 'static' || t.value === 'hidden')) {
          this.skip();
          if (start < 0) start = this.startOf(t);
          if (t.value === 'static') isStatic = true;
          else isHidden = true;
          continue;
        }
        if (list.length === 0) break;
      }
      const t = this.next();
      if (t.kind === 'RCurly' || t.kind === 'EndOfInput') {
        this.unget(t);
        if (start >= 0) this.fail('Missing a property or method after the attributes or modifiers.', this.startOf(t));
        return null;
      }
      if (start < 0) start = this.startOf(t);
      if (t.kind === 'Variable') {
        return this.propertyMemberRule(t, start, attributes, typeConstraint, isStatic, isHidden);
      }
      if (t.kind !== 'Identifier' && t.kind !== 'Keyword' && t.kind !== 'Generic') {
        this.failAt(`Unexpected token '${t.text}' in class definition.`, t);
      }
      const lParen = this.next();
      if (lParen.kind !== 'LParen') this.failAfter(`Missing '(' after the method name '${t.text}'.`, this.endOf(t));
      const parameters = this.parameterListRule();
      const rParen = this.next();
      if (rParen.kind !== 'RParen') this.missingParameterListEnd(parameters, lParen);
      let baseArguments: ExpressionAst[] | null = null;
      this.setMode('expression');
      this.skipNewlines();
      if (t.text.toLowerCase() === className.toLowerCase() && this.peek().kind === 'Colon') {
        this.skip();
        this.skipNewlines();
        const base = this.next();
        if (base.kind !== 'Identifier' || !/^(base|this)$/i.test(base.text)) {
          this.failAfter("Missing 'base' after ':' in the constructor.", this.endOf(base));
        }
        this.skipNewlines();
        const open = this.next();
        if (open.kind !== 'LParen') this.failAfter("Missing '(' after 'base'.", this.endOf(base));
        [baseArguments] = this.invokeParamParenListRule(open);
        this.skipNewlines();
      }
      this.setMode('command');
      const lCurly = this.next();
      if (lCurly.kind !== 'LCurly') {
        this.failAfter('Missing function body in the method definition.', this.endOf(rParen));
      }
      const body = this.scriptBlockRule(lCurly, false);
      return {
        type: 'FunctionMemberAst',
        extent: this.span(start, body.extent.endOffset),
        name: t.text,
        definitionExtent: this.span(this.startOf(t), body.extent.endOffset),
        returnType: typeConstraint,
        attributes,
        parameters,
        baseArguments,
        body,
        isStatic,
        isHidden,
      };
    } finally {
      this.setMode(old);
    }
  }

  protected propertyMemberRule(
    v: Token,
    start: number,
    attributes: AttributeAst[],
    propertyType: TypeConstraintAst | null,
    isStatic: boolean,
    isHidden: boolean,
  ): PropertyMemberAst {
    let initialValue: ExpressionAst | null = null;
    const old = this.setMode('expression');
    try {
      const eq = this.peek();
      if (eq.kind === 'Equals') {
        this.skip();
        this.skipNewlines();
        initialValue = this.expressionRule();
        if (initialValue === null) this.failAfter("Missing expression after '='.", this.endOf(eq));
      }
    } finally {
      this.setMode(old);
    }
    const end = initialValue?.extent.endOffset ?? this.endOf(v);
    const t = this.peek();
    if (t.kind !== 'NewLine' && t.kind !== 'Semi' && t.kind !== 'RCurly' && t.kind !== 'EndOfInput') {
      this.failAt(`Unexpected token '${t.text}' in class definition.`, t);
    }
    return {
      type: 'PropertyMemberAst',
      extent: this.span(start, end),
      name: v.value,
      propertyType,
      attributes,
      initialValue,
      isStatic,
      isHidden,
    };
  }
}
