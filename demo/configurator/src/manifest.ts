/**
 * Reads what a widget documents from the custom-elements manifest (dist/embed/custom-elements.json,
 * written by npm run build from the widgets' JSDoc), so the configurator's form follows the
 * widgets instead of a second hand-written list.
 */

/** The form control an attribute gets, chosen by its documented type. */
export type Control =
  | { kind: 'boolean' }
  | { kind: 'choice'; values: string[] }
  | { kind: 'number'; placeholder?: string }
  | { kind: 'text' };

export interface AttributeDoc {
  name: string;
  description: string;
  control: Control;
}

export interface WidgetDoc {
  tag: string;
  /** One-line summary (the class's `@summary`), empty when the manifest has none. */
  summary: string;
  /** Documented attributes in manifest order, without those in `dedicatedAttributes`. */
  attributes: AttributeDoc[];
  /** Height the widget reserves while loading, in CSS px, from its `--wir-…-min-height` default. */
  reservedHeight?: number;
}

/** Attributes every widget inherits that the configurator offers through controls of their own. */
export const dedicatedAttributes: ReadonlySet<string> = new Set(['src', 'lang', 'scheme']);

interface ManifestAttribute {
  name?: string;
  description?: string;
  type?: { text?: string };
  default?: string;
}
interface ManifestDeclaration {
  tagName?: string;
  summary?: string;
  attributes?: ManifestAttribute[];
  cssProperties?: Array<{ name?: string; description?: string }>;
}

function declarations(manifest: unknown): ManifestDeclaration[] {
  const modules = (manifest as { modules?: Array<{ declarations?: ManifestDeclaration[] }> } | null)?.modules;
  return Array.isArray(modules) ? modules.flatMap((m) => (Array.isArray(m.declarations) ? m.declarations : [])) : [];
}

/** Maps a TypeScript type as the analyzer writes it (`'a' | 'b' | undefined`) to a control. */
export function controlFor(typeText: string | undefined, defaultValue?: string): Control {
  const parts = (typeText ?? '')
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part && part !== 'undefined' && part !== 'null');
  if (parts.length === 1 && parts[0] === 'boolean') return { kind: 'boolean' };
  if (parts.length === 1 && parts[0] === 'number') {
    // The analyzer gives the initializer's source text: a literal is a useful placeholder, a
    // constant's name (DEFAULT_INTERVAL_SECONDS) is not.
    return /^-?\d+(\.\d+)?$/.test(defaultValue ?? '') ? { kind: 'number', placeholder: defaultValue } : { kind: 'number' };
  }
  const literals = parts.map((part) => /^(['"])(.*)\1$/.exec(part)?.[2]);
  if (parts.length > 0 && literals.every((value) => value !== undefined)) {
    return { kind: 'choice', values: literals as string[] };
  }
  return { kind: 'text' };
}

/** What the manifest documents about `tag`; a tag it does not know gets no attributes. */
export function widgetDoc(manifest: unknown, tag: string): WidgetDoc {
  const declaration = declarations(manifest).find((d) => d.tagName === tag);
  const seen = new Set<string>();
  const attributes: AttributeDoc[] = [];
  for (const attribute of declaration?.attributes ?? []) {
    const { name, description } = attribute;
    // Undocumented attributes (the analyzer lists `lang` and `dir` from observedAttributes,
    // with no description) promise nothing, so the form does not offer them.
    if (!name || !description || dedicatedAttributes.has(name) || seen.has(name)) continue;
    seen.add(name);
    attributes.push({ name, description, control: controlFor(attribute.type?.text, attribute.default) });
  }
  const minHeight = declaration?.cssProperties?.find((p) => p.name?.endsWith('-min-height'));
  const rem = /(\d+(?:\.\d+)?)rem/.exec(minHeight?.description ?? '');
  return {
    tag,
    summary: declaration?.summary ?? '',
    attributes,
    reservedHeight: rem ? Math.round(Number(rem[1]) * 16) : undefined,
  };
}
