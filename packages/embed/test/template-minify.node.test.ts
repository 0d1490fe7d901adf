// The build's template minifier (minifyTemplateLiterals in vite.config.ts) on small sources: what
// it may drop is the source's layout, never text a reader sees.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

// Loaded by a computed path: the build config is not part of the type-checked sources.
const configModule = '../../../vite.config.ts';
const { minifyTemplateLiterals } = (await import(configModule)) as {
  minifyTemplateLiterals: () => { transform: (code: string, id: string) => { code: string } | null };
};

const ID = '/repo/packages/example/src/example.ts';

function minify(source: string): string {
  return minifyTemplateLiterals().transform.call({}, source, ID)?.code ?? source;
}

describe('template minifier', () => {
  it('keeps a space at the start of an inline template: it separates it from the text before', () => {
    const out = minify("import { html } from 'lit';\nexport const mine = (label: string) => html`${label}${html` <strong>(Ihre Wahl)</strong>`}`;\n");
    assert.match(out, /html` <strong>\(Ihre Wahl\)<\/strong>`/);
  });

  it('keeps a space at the end of an inline template', () => {
    const out = minify("import { html } from 'lit';\nexport const lead = html`<b>Hinweis:</b> `;\n");
    assert.match(out, /html`<b>Hinweis:<\/b> `/);
  });

  it('drops the line breaks and indentation that lay out a template in the source', () => {
    const out = minify("import { html } from 'lit';\nexport const box = (x: string) => html`\n    <div class=\"box\">\n      ${x}\n    </div>\n  `;\n");
    assert.match(out, /html`<div class=box>\n\$\{x\}\n<\/div>`/);
  });

  it('drops all space at the ends of a stylesheet', () => {
    const out = minify("import { css } from 'lit';\nexport const s = css`\n  :host { display: block; }\n`;\n");
    assert.match(out, /\(":host\{display:block\}"\)|\(`:host\{display:block\}`\)/);
  });
});
