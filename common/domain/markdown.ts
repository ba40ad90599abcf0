import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * The one renderer of text people write (minutes, practices, pact articles): the web's preview and the page the
 * server publishes call this same function, so what the author previews is what readers get.
 *
 * Two layers, each enough on its own for what it guards:
 * 1. markdown-it with `html: false` turns raw HTML into visible text (a `<script>` typed in the minutes is shown, never
 *    run), renders no images (a remote image is a tracker), and links only to http, https and mailto
 *    (`validateLink`: `javascript:`, `data:`, `vbscript:`, `file:` and relative links stay plain text).
 * 2. sanitize-html then keeps only the elements and attributes Markdown produces (an allow-list: no style, no event
 *    handler, no iframe, no class but the table alignments), whatever a future markdown-it plugin or bug emits.
 *
 * sanitize-html runs in the browser too: Vite bundles it (htmlparser2 and postcss have browser builds; postcss is only
 * used for `style` attributes, which are never allowed here), so the web does not need a render endpoint
 * (web/ui/markdown.test.ts and the production build prove it).
 */

export interface MarkdownOptions {
  /**
   * Levels added to the author's headings, so `#` sits under the page's own title: 1 (the default) makes `#` an h2.
   * Headings never go below h6.
   */
  headingOffset?: number;
}

const ALLOWED_SCHEMES = ['http', 'https', 'mailto'] as const;
const LINK_REL = 'noopener noreferrer nofollow';
const ALIGNMENT_CLASSES: Record<string, string> = { left: 'text-start', center: 'text-center', right: 'text-end' };

/** Whether a link target may become a link: an absolute http(s) address or a mailto, nothing else. */
export function isAllowedLinkTarget(url: string): boolean {
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(url.trim());
  if (!match) return false;
  const scheme = match[1]!.toLowerCase();
  if (scheme === 'mailto') return url.trim().length > 'mailto:'.length;
  return (scheme === 'http' || scheme === 'https') && /^https?:\/\/[^/\s]/i.test(url.trim());
}

function createParser(): InstanceType<typeof MarkdownIt> {
  const parser = new MarkdownIt('default', { html: false, linkify: true, typographer: false, breaks: false });
  parser.disable('image');
  parser.validateLink = isAllowedLinkTarget;
  // Table alignment arrives as a style attribute, which the sanitizer drops: give it as a Bootstrap class instead.
  parser.core.ruler.push('alignment_classes', (state) => {
    for (const token of state.tokens) {
      if (token.type !== 'th_open' && token.type !== 'td_open') continue;
      const style = token.attrGet('style');
      if (style === null) continue;
      const alignment = /^text-align:(left|center|right)$/.exec(String(style))?.[1];
      token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
      if (alignment) token.attrSet('class', ALIGNMENT_CLASSES[alignment]!);
    }
  });
  return parser;
}

const parser = createParser();

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

function sanitizerOptions(headingOffset: number): sanitizeHtml.IOptions {
  const shiftHeading = (tagName: string): sanitizeHtml.Tag => {
    const level = Math.min(6, Number(tagName.slice(1)) + headingOffset);
    return { tagName: `h${level}`, attribs: {} };
  };
  return {
    allowedTags: [...HEADINGS, 'p', 'br', 'hr', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'strong', 'em', 's', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
    allowedAttributes: { a: ['href', 'rel'], ol: ['start'], th: ['class'], td: ['class'] },
    allowedClasses: { th: Object.values(ALIGNMENT_CLASSES), td: Object.values(ALIGNMENT_CLASSES) },
    allowedSchemes: [...ALLOWED_SCHEMES],
    allowedSchemesByTag: {},
    allowedSchemesAppliedToAttributes: ['href'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    // The content of these is dropped with them, never shown as text.
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'template'],
    transformTags: {
      ...Object.fromEntries(HEADINGS.map((tag) => [tag, shiftHeading])),
      a: (tagName, attribs) => ({ tagName, attribs: { ...(attribs.href ? { href: attribs.href } : {}), rel: LINK_REL } }),
    },
  };
}

/**
 * Safe HTML for a Markdown text: headings, paragraphs, lists, links (http, https, mailto; rel="noopener noreferrer
 * nofollow"), tables, emphasis, strikethrough, quotes and code. Raw HTML is shown as text; nothing that runs, loads
 * or styles ever reaches the output.
 */
export function renderMarkdown(markdown: string, options: MarkdownOptions = {}): string {
  const headingOffset = Math.max(0, Math.trunc(options.headingOffset ?? 1));
  return sanitizeHtml(parser.render(markdown), sanitizerOptions(headingOffset));
}
