import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MARKDOWN_EDITOR_TABS, tabAfterKey, type MarkdownEditorTab } from './markdown-editor-tabs';
import { MarkdownView } from './markdown-view';

export interface MarkdownEditorProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Error under the field; also sets aria-invalid and is linked with aria-describedby. */
  error?: string | null;
  isRequired?: boolean;
  maxLength?: number;
  rows?: number;
  /** As in MarkdownView: the preview shows headings at the level the published page will. */
  headingOffset?: number;
  /** The tab shown first (the preview, for a text opened to be read before editing). */
  initialTab?: MarkdownEditorTab;
}

/**
 * A labelled textarea for Markdown with a "preview" tab that renders it exactly as it will be published
 * (MarkdownView). Accessible as the WAI-ARIA tabs pattern: a tab list, each tab controlling its panel, arrows and
 * Home/End moving between tabs; the textarea stays mounted while the preview shows, so nothing typed is lost.
 */
export function MarkdownEditor({ id, label, value, onChange, error, isRequired, maxLength, rows = 12, headingOffset = 1, initialTab = 'write' }: MarkdownEditorProps) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<MarkdownEditorTab>(initialTab);
  const tabRefs = useRef<Partial<Record<MarkdownEditorTab, HTMLButtonElement | null>>>({});
  const tabId = (name: MarkdownEditorTab) => `${id}-tab-${name}`;
  const panelId = (name: MarkdownEditorTab) => `${id}-panel-${name}`;
  const describedBy = [`${id}-help`, error ? `${id}-error` : null].filter(Boolean).join(' ');

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const next = tabAfterKey(event.key, tab);
    if (!next) return;
    event.preventDefault();
    setTab(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <div className="form-group markdown-editor">
      <label htmlFor={id} className="active" id={`${id}-label`}>
        {label}
        {isRequired && <span className="field-required"> ({t('ui.required')})</span>}
      </label>
      <div role="tablist" aria-labelledby={`${id}-label`} className="nav nav-tabs nav-tabs-sm">
        {MARKDOWN_EDITOR_TABS.map((name) => (
          <button
            key={name}
            ref={(element) => {
              tabRefs.current[name] = element;
            }}
            type="button"
            role="tab"
            id={tabId(name)}
            aria-selected={tab === name}
            aria-controls={panelId(name)}
            tabIndex={tab === name ? 0 : -1}
            className={`nav-link${tab === name ? ' active' : ''}`}
            onClick={() => setTab(name)}
            onKeyDown={onTabKey}
          >
            {t(`ui.markdown.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={panelId('write')} aria-labelledby={tabId('write')} hidden={tab !== 'write'}>
        <textarea
          id={id}
          className={`form-control${error ? ' is-invalid' : ''}`}
          value={value}
          rows={rows}
          maxLength={maxLength}
          required={isRequired}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
      </div>
      <div role="tabpanel" id={panelId('preview')} aria-labelledby={tabId('preview')} hidden={tab !== 'preview'} tabIndex={0} className="markdown-preview">
        {value.trim() === '' ? <p className="text-muted">{t('ui.markdown.empty')}</p> : <MarkdownView markdown={value} headingOffset={headingOffset} />}
      </div>
      <small id={`${id}-help`} className="form-text">
        {t('ui.markdown.help')}
      </small>
      {error && (
        <div id={`${id}-error`} className="invalid-feedback d-block">
          {error}
        </div>
      )}
    </div>
  );
}
