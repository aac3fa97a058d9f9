// Which names in a file denote the tfjs API: `tf.*` (namespace import, require, or the usual global),
// named imports (`import { tanh, layers } from '@tensorflow/tfjs'`) and their aliases.
import ts from '../typescript';
import { TFJS_MODULES } from './tfjs-facts';
import { unwrap, memberName } from './ast';

export class TfApi {
  /** Local names bound to the whole API (`tf`). */
  readonly namespaces = new Set<string>(['tf']);
  /** Local name -> exported name, for named imports/destructured requires. */
  readonly named = new Map<string, string>();
  /** True when the file imports or requires a tfjs module. */
  hasImport = false;
  /** The namespace name fixes should write (`tf`, or the file's own alias); undefined if none is bound. */
  namespaceForFixes?: string;

  constructor(sf: ts.SourceFile) {
    for (const s of sf.statements) {
      if (ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier) && isTfModule(s.moduleSpecifier.text)) {
        this.hasImport = true;
        const c = s.importClause;
        if (c?.name) this.addNamespace(c.name.text);
        const nb = c?.namedBindings;
        if (nb && ts.isNamespaceImport(nb)) this.addNamespace(nb.name.text);
        else if (nb) for (const el of nb.elements) this.named.set(el.name.text, (el.propertyName ?? el.name).text);
      } else if (ts.isImportEqualsDeclaration(s) && ts.isExternalModuleReference(s.moduleReference) &&
                 ts.isStringLiteral(s.moduleReference.expression) && isTfModule(s.moduleReference.expression.text)) {
        this.hasImport = true;
        this.addNamespace(s.name.text);
      } else if (ts.isVariableStatement(s)) {
        for (const d of s.declarationList.declarations) this.addRequire(d);
      }
    }
    // Scripts that use the `tf` global (a <script> tag build) have no import.
    if (!this.namespaceForFixes && /\btf\./.test(sf.text)) this.namespaceForFixes = 'tf';
  }

  private addNamespace(name: string): void {
    this.namespaces.add(name);
    this.namespaceForFixes ??= name;
  }

  private addRequire(d: ts.VariableDeclaration): void {
    const init = d.initializer && unwrap(d.initializer);
    if (!init) return;
    const isRequire = ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require' &&
      init.arguments.length === 1 && ts.isStringLiteral(init.arguments[0]!) && isTfModule(init.arguments[0].text);
    const isNamespaceAlias = ts.isIdentifier(init) && this.namespaces.has(init.text);
    // `const squash = tf.tanh;`: a local name for one tf function.
    if (!isRequire && !isNamespaceAlias && ts.isIdentifier(d.name) && (ts.isPropertyAccessExpression(init) || ts.isIdentifier(init))) {
      const p = this.path(init);
      if (p && p.length === 1) this.named.set(d.name.text, p[0]!);
      return;
    }
    if (!isRequire && !isNamespaceAlias) return;
    if (isRequire) this.hasImport = true;
    if (ts.isIdentifier(d.name)) this.addNamespace(d.name.text);
    else if (ts.isObjectBindingPattern(d.name)) {
      for (const el of d.name.elements) {
        if (ts.isIdentifier(el.name)) {
          const exported = el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : el.name.text;
          this.named.set(el.name.text, exported);
        }
      }
    }
  }

  /**
   * The API path an expression denotes: `tf.layers.lstm` -> ['layers', 'lstm'], a named `tanh`
   * -> ['tanh'], `tf` -> []. Undefined when it is not the tfjs API.
   */
  path(expr: ts.Expression): string[] | undefined {
    // Rules ask this of every call several times: remember the answer per node (`null` for "not
    // the tfjs API", so one lookup answers both ways).
    const cached = this.pathCache.get(expr);
    if (cached !== undefined) return cached ?? undefined;
    const p = this.computePath(expr);
    this.pathCache.set(expr, p ?? null);
    return p;
  }

  private readonly pathCache = new Map<ts.Node, string[] | null>();

  private computePath(expr: ts.Expression): string[] | undefined {
    const e = unwrap(expr);
    if (ts.isIdentifier(e)) {
      if (this.namespaces.has(e.text)) return [];
      const exported = this.named.get(e.text);
      return exported === undefined ? undefined : [exported];
    }
    if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
      const name = memberName(e);
      if (name === undefined) return undefined;
      const base = this.path(e.expression);
      return base === undefined ? undefined : [...base, name];
    }
    return undefined;
  }

  /** For a call to a top-level tf function (`tf.tanh(x)`, named `tanh(x)`): its name. */
  fn(call: ts.CallExpression | ts.NewExpression): string | undefined {
    const p = this.path(call.expression);
    return p && p.length === 1 ? p[0] : undefined;
  }

  /** For `tf.layers.<name>(...)` (or a named `layers`): the factory name. */
  layerFactory(call: ts.CallExpression): string | undefined {
    const p = this.path(call.expression);
    return p && p.length === 2 && p[0] === 'layers' ? p[1] : undefined;
  }
}

function isTfModule(spec: string): boolean {
  return TFJS_MODULES.has(spec) || spec.startsWith('@tensorflow/tfjs');
}
