import ts from "typescript";

// Which message keys the code uses, and which of them a catalogue lacks. Every translator made by
// useTranslations(namespace) or getTranslations(namespace | { namespace }) is followed to its
// calls — t(key), t.rich(key), t.markup(key), t.raw(key) — and each key is read from its type,
// so a key built from a template over an enum (`entityTypes.${type}`) stands for every value of
// the enum. A key whose values the types cannot list (a plain string, or one cast to a key type)
// is reported too, unless the call is guarded by t.has(sameKey), which falls back at run time.

type Tree = { [key: string]: string | Tree };

export interface KeyProblem {
  /** file:line */
  at: string;
  /** The full key ("audit.filters.entityTypes.project"), or the key expression when unlisted. */
  key: string;
  problem: string;
}

/** Every leaf key of a catalogue, "a.b.c". */
export function catalogueKeys(tree: Tree, prefix = ""): Set<string> {
  const out = new Set<string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.add(path);
    else for (const k of catalogueKeys(value, path)) out.add(k);
  }
  return out;
}

const TRANSLATOR_FACTORIES = new Set(["useTranslations", "getTranslations"]);
const KEYED_METHODS = new Set(["rich", "markup", "raw"]);

/** The namespace a useTranslations/getTranslations call names ("" for the root), or null. */
function namespaceOf(call: ts.CallExpression): string | null {
  const callee = call.expression;
  const name = ts.isIdentifier(callee) ? callee.text : null;
  if (!name || !TRANSLATOR_FACTORIES.has(name)) return null;
  const [arg] = call.arguments;
  if (!arg) return "";
  if (ts.isStringLiteralLike(arg)) return arg.text;
  if (ts.isObjectLiteralExpression(arg)) {
    for (const p of arg.properties) {
      if (
        ts.isPropertyAssignment(p) &&
        ts.isIdentifier(p.name) &&
        p.name.text === "namespace" &&
        ts.isStringLiteralLike(p.initializer)
      )
        return p.initializer.text;
    }
    return "";
  }
  return null;
}

function unwrap(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isAwaitExpression(e)) e = e.expression;
  return e;
}

/** `e` without casts and parentheses around it. */
function uncast(e: ts.Expression): ts.Expression {
  while (
    ts.isAsExpression(e) ||
    ts.isTypeAssertionExpression(e) ||
    ts.isParenthesizedExpression(e) ||
    ts.isNonNullExpression(e) ||
    ts.isSatisfiesExpression(e)
  )
    e = e.expression;
  return e;
}

/** Whether `condition` contains `translator.has(key)` (the key written as `keyText`, casts aside). */
function checksHas(condition: ts.Node, translator: string, keyText: string): boolean {
  if (
    ts.isCallExpression(condition) &&
    ts.isPropertyAccessExpression(condition.expression) &&
    condition.expression.name.text === "has" &&
    condition.expression.expression.getText() === translator &&
    condition.arguments[0] &&
    uncast(condition.arguments[0]).getText() === keyText
  )
    return true;
  return ts.forEachChild(condition, (child) => checksHas(child, translator, keyText) || undefined) ?? false;
}

/** Whether `call` sits where `translator.has(keyText)` was checked true. */
function guardedByHas(call: ts.Node, translator: string, keyText: string): boolean {
  for (let node: ts.Node | undefined = call.parent; node; node = node.parent) {
    const condition = ts.isConditionalExpression(node)
      ? node.condition
      : ts.isIfStatement(node)
        ? node.expression
        : ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken
          ? node.left
          : null;
    if (condition && checksHas(condition, translator, keyText)) return true;
    if (ts.isFunctionLike(node)) break;
  }
  return false;
}

/** The string values a key expression can take, from its type; null when they cannot be listed. */
function keyValues(checker: ts.TypeChecker, e: ts.Expression): string[] | null {
  const type = checker.getTypeAtLocation(e);
  const parts = type.isUnion() ? type.types : [type];
  const values: string[] = [];
  for (const part of parts) {
    if (part.isStringLiteral()) values.push(part.value);
    else return null;
  }
  return values;
}

/**
 * The keys used by `fileNames` (a program over them, with `options`) that `catalogues` lack,
 * and the keys whose values cannot be listed.
 */
export function findKeyProblems(
  fileNames: readonly string[],
  options: ts.CompilerOptions,
  catalogues: Record<string, Tree>,
): KeyProblem[] {
  const program = ts.createProgram({ rootNames: fileNames, options });
  const checker = program.getTypeChecker();
  const keysOf = Object.entries(catalogues).map(([name, tree]) => [name, catalogueKeys(tree)] as const);
  const problems: KeyProblem[] = [];
  const wanted = new Set(fileNames.map((f) => f.replace(/\\/g, "/")));

  for (const file of program.getSourceFiles()) {
    if (!wanted.has(file.fileName)) continue;
    // Translators declared in this file: the symbol of `const t = useTranslations("ns")` → "ns".
    const translators = new Map<ts.Symbol, string>();
    const at = (node: ts.Node) =>
      `${file.fileName.split("/src/").at(-1)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;

    const visitDeclarations = (node: ts.Node) => {
      if (ts.isVariableDeclaration(node) && node.initializer && ts.isIdentifier(node.name)) {
        const init = unwrap(node.initializer);
        const namespace = ts.isCallExpression(init) ? namespaceOf(init) : null;
        const symbol = checker.getSymbolAtLocation(node.name);
        if (namespace !== null && symbol) translators.set(symbol, namespace);
      }
      ts.forEachChild(node, visitDeclarations);
    };
    visitDeclarations(file);
    if (translators.size === 0) continue;

    const visitCalls = (node: ts.Node) => {
      if (ts.isCallExpression(node)) {
        let target: ts.Expression = node.expression;
        let method: string | null = null;
        if (ts.isPropertyAccessExpression(target)) {
          method = target.name.text;
          target = target.expression;
        }
        const symbol = ts.isIdentifier(target) ? checker.getSymbolAtLocation(target) : undefined;
        const namespace = symbol ? translators.get(symbol) : undefined;
        const [arg] = node.arguments;
        if (namespace !== undefined && arg && (method === null || KEYED_METHODS.has(method))) {
          const translator = (target as ts.Identifier).text;
          const keyExpr = uncast(arg);
          let cast = keyExpr !== arg && isCast(arg);
          // A template whose placeholder was cast (`a.${x as E}`) is read from `x` as it is.
          const castInside =
            ts.isTemplateExpression(keyExpr) && keyExpr.templateSpans.some((span) => isCast(span.expression));
          cast ||= castInside;
          if (guardedByHas(node, translator, keyExpr.getText())) {
            ts.forEachChild(node, visitCalls);
            return;
          }
          const values = castInside
            ? templateValues(checker, keyExpr)
            : (keyValues(checker, keyExpr) ?? templateValues(checker, keyExpr));
          if (values === null) {
            problems.push({
              at: at(node),
              key: keyExpr.getText(),
              problem: cast
                ? "a key cast to a key type: the values it really takes are not checked (list them in its type, or guard with has())"
                : "a key whose values its type does not list (give it a union or enum type, or guard with has())",
            });
          } else {
            for (const value of values) {
              const full = namespace ? `${namespace}.${value}` : value;
              for (const [name, keys] of keysOf) {
                if (!keys.has(full))
                  problems.push({ at: at(node), key: full, problem: `missing from ${name}` });
              }
            }
          }
        }
      }
      ts.forEachChild(node, visitCalls);
    };
    visitCalls(file);
  }
  return problems;
}

function isCast(e: ts.Expression): boolean {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  return ts.isAsExpression(e) || ts.isTypeAssertionExpression(e);
}

/**
 * A template key listed from its placeholders' own types (before any cast:
 * `filters.entityTypes.${event.entityType as T}` is read from `event.entityType`); null when one
 * of them is not a list of strings.
 */
function templateValues(checker: ts.TypeChecker, e: ts.Expression): string[] | null {
  if (!ts.isTemplateExpression(e)) return null;
  let results = [e.head.text];
  for (const span of e.templateSpans) {
    let inner = span.expression;
    while (
      ts.isAsExpression(inner) ||
      ts.isTypeAssertionExpression(inner) ||
      ts.isParenthesizedExpression(inner)
    )
      inner = inner.expression;
    const values = keyValues(checker, inner);
    if (values === null) return null;
    results = results.flatMap((r) => values.map((v) => r + v + span.literal.text));
  }
  return results;
}
