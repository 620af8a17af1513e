import { readFileSync } from 'node:fs';
import ts from 'typescript';

export type FoundCall = { callee: string; args: ts.Expression[]; text: string };

/**
 * The calls to `x.method(...)` or `method(...)` in a source file, read with the TypeScript parser. Used for the
 * Electron-bound files (window.ts, index.ts) whose runtime cannot be loaded here: the Electron
 * binary is not available on this machine, so their wiring is asserted at the source level.
 */
export function callsOf(file: string, method: string): FoundCall[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: FoundCall[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === method) {
      found.push({ callee: node.expression.expression.getText(source), args: [...node.arguments], text: node.getText(source) });
    } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === method) {
      // A plain function call, `method(...)`: no receiver.
      found.push({ callee: '', args: [...node.arguments], text: node.getText(source) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The handler passed for an event: `x.on('will-navigate', handler)`. */
export function listenersFor(file: string, event: string): FoundCall[] {
  return [...callsOf(file, 'on'), ...callsOf(file, 'once')].filter((call) => {
    const first = call.args[0];
    return first !== undefined && ts.isStringLiteral(first) && first.text === event;
  });
}

/** The body of an arrow or function expression, as text with whitespace collapsed. */
export function bodyText(node: ts.Expression | undefined): string {
  if (node === undefined || !(ts.isArrowFunction(node) || ts.isFunctionExpression(node))) return '';
  return node.body.getText().replace(/\s+/g, ' ').trim();
}
