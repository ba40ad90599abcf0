import { createInstance } from 'i18next';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import it from '../../../web/app/i18n/it.json';
import { MarkdownEditor } from '../../../web/ui/markdown-editor';

/** The Markdown editor alone on a page, for markdown-editor.e2e.test.ts: no module uses it yet. */
function Harness() {
  const [value, setValue] = useState('');
  return (
    <>
      <h1>Verbale</h1>
      <MarkdownEditor id="verbale" label="Testo del verbale" value={value} onChange={setValue} isRequired />
    </>
  );
}

const i18n = createInstance();
void i18n.use(initReactI18next).init({ resources: { it: { translation: it } }, lng: 'it', interpolation: { escapeValue: false }, showSupportNotice: false }).then(() => {
  createRoot(document.getElementById('root')!).render(
    <I18nextProvider i18n={i18n}>
      <Harness />
    </I18nextProvider>,
  );
});
