/** The two tabs of the Markdown editor, in their order. */
export const MARKDOWN_EDITOR_TABS = ['write', 'preview'] as const;
export type MarkdownEditorTab = (typeof MARKDOWN_EDITOR_TABS)[number];

/**
 * The tab a key moves to in the editor's tab list (WAI-ARIA tabs pattern, automatic activation): arrows move and wrap
 * around, Home and End go to the first and the last; any other key moves nowhere (null).
 */
export function tabAfterKey(key: string, current: MarkdownEditorTab): MarkdownEditorTab | null {
  const index = MARKDOWN_EDITOR_TABS.indexOf(current);
  const count = MARKDOWN_EDITOR_TABS.length;
  switch (key) {
    case 'ArrowRight':
      return MARKDOWN_EDITOR_TABS[(index + 1) % count]!;
    case 'ArrowLeft':
      return MARKDOWN_EDITOR_TABS[(index - 1 + count) % count]!;
    case 'Home':
      return MARKDOWN_EDITOR_TABS[0];
    case 'End':
      return MARKDOWN_EDITOR_TABS[count - 1]!;
    default:
      return null;
  }
}
