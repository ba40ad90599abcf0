import { createInstance } from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import en from '../app/i18n/en.json';
import it_ from '../app/i18n/it.json';
import { MarkdownEditor } from './markdown-editor';
import { tabAfterKey } from './markdown-editor-tabs';
import { MarkdownView } from './markdown-view';

async function render(element: ReturnType<typeof createElement>, language: 'it' | 'en' = 'it'): Promise<string> {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({ resources: { it: { translation: it_ }, en: { translation: en } }, lng: language, interpolation: { escapeValue: false }, showSupportNotice: false });
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, element));
}

const noChange = () => undefined;

describe('MarkdownView', () => {
  it('shows the sanitized rendering, headings under the page title', async () => {
    const html = await render(createElement(MarkdownView, { markdown: '# Verbale\n\n**Presenti**: 3 <script>alert(1)</script> [x](javascript:alert(1))' }));
    expect(html).toBe('<div class="markdown-text"><h2>Verbale</h2>\n<p><strong>Presenti</strong>: 3 &lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1))</p>\n</div>');
  });
});

describe('MarkdownEditor', () => {
  it('labels its textarea and ties it to its help and error', async () => {
    const html = await render(createElement(MarkdownEditor, { id: 'verbale', label: 'Testo del verbale', value: 'ciao', onChange: noChange, isRequired: true, error: 'Scrivi il verbale' }));
    expect(html).toContain('<label for="verbale" class="active" id="verbale-label">Testo del verbale<span class="field-required"> (obbligatorio)</span></label>');
    expect(html).toMatch(/<textarea id="verbale" class="form-control is-invalid" rows="12" required="" aria-invalid="true" aria-describedby="verbale-help verbale-error">ciao<\/textarea>/);
    expect(html).toContain('<div id="verbale-error" class="invalid-feedback d-block">Scrivi il verbale</div>');
    expect(html).toContain('id="verbale-help"');
  });

  it('is a tab list of "Scrivi" and "Anteprima", each tab controlling its panel, the write tab open first', async () => {
    const html = await render(createElement(MarkdownEditor, { id: 'pratica', label: 'Descrizione', value: '## Cosa ha funzionato', onChange: noChange }));
    expect(html).toContain('<div role="tablist" aria-labelledby="pratica-label"');
    expect(html).toContain('<button type="button" role="tab" id="pratica-tab-write" aria-selected="true" aria-controls="pratica-panel-write" tabindex="0" class="nav-link active">Scrivi</button>');
    expect(html).toContain('<button type="button" role="tab" id="pratica-tab-preview" aria-selected="false" aria-controls="pratica-panel-preview" tabindex="-1" class="nav-link">Anteprima</button>');
    expect(html).toContain('<div role="tabpanel" id="pratica-panel-write" aria-labelledby="pratica-tab-write">');
    expect(html).toContain('<div role="tabpanel" id="pratica-panel-preview" aria-labelledby="pratica-tab-preview" hidden="" tabindex="0" class="markdown-preview">');
    // The preview renders as the published page will: `##` under the page's title is an h3.
    expect(html).toContain('<h3>Cosa ha funzionato</h3>');
  });

  it('opens on the preview when asked, keeping the textarea mounted, and says so when the text is empty', async () => {
    const html = await render(createElement(MarkdownEditor, { id: 'v', label: 'Testo', value: '  ', onChange: noChange, initialTab: 'preview' }), 'en');
    expect(html).toContain('aria-selected="true" aria-controls="v-panel-preview" tabindex="0" class="nav-link active">Preview</button>');
    expect(html).toContain('<div role="tabpanel" id="v-panel-write" aria-labelledby="v-tab-write" hidden="">');
    expect(html).toContain('<textarea id="v"');
    expect(html).toContain('Nothing to show: the text is empty.');
  });
});

describe('tabAfterKey (the editor tab list, WAI-ARIA tabs)', () => {
  it('moves with the arrows, wrapping around, and jumps with Home and End', () => {
    expect(tabAfterKey('ArrowRight', 'write')).toBe('preview');
    expect(tabAfterKey('ArrowRight', 'preview')).toBe('write');
    expect(tabAfterKey('ArrowLeft', 'write')).toBe('preview');
    expect(tabAfterKey('ArrowLeft', 'preview')).toBe('write');
    expect(tabAfterKey('Home', 'preview')).toBe('write');
    expect(tabAfterKey('End', 'write')).toBe('preview');
    expect(tabAfterKey('Home', 'write')).toBe('write');
  });

  it('ignores every other key', () => {
    for (const key of ['Enter', ' ', 'Tab', 'ArrowDown', 'a']) expect(tabAfterKey(key, 'write')).toBeNull();
  });
});
