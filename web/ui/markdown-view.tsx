import { useMemo } from 'react';
import { renderMarkdown } from '../../common/domain/markdown';

export interface MarkdownViewProps {
  /** The Markdown an author wrote (minutes, a practice, a pact article). */
  markdown: string;
  /** Levels added to the author's headings, so `#` sits under the page's own headings (1: `#` is an h2). */
  headingOffset?: number;
  className?: string;
}

/**
 * Text people wrote, rendered by the one renderer the server publishes with (common/domain/markdown.ts): its output
 * is sanitized HTML (no script, handler, style, iframe or image; links only http, https and mailto), which is why it
 * may be set as HTML here and nowhere else.
 */
export function MarkdownView({ markdown, headingOffset = 1, className }: MarkdownViewProps) {
  const html = useMemo(() => renderMarkdown(markdown, { headingOffset }), [markdown, headingOffset]);
  return <div className={`markdown-text${className ? ` ${className}` : ''}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
