import { describe, expect, it } from 'vitest';
import { isAllowedLinkTarget, renderMarkdown } from './markdown';

/** The only elements and attributes the output may hold: anything else (script, iframe, img, style, on…) fails. */
const ALLOWED: Record<string, string[]> = {
  h1: [], h2: [], h3: [], h4: [], h5: [], h6: [], p: [], br: [], hr: [], ul: [], ol: ['start'], li: [], blockquote: [], pre: [], code: [],
  strong: [], em: [], s: [], a: ['href', 'rel'], table: [], thead: [], tbody: [], tr: [], th: ['class'], td: ['class'],
};

/**
 * Every element of the output, with its attributes. Text in the output escapes `<` as `&lt;`, so every `<` opens a
 * real element: a `<script>` the author typed shows as text and is no element here.
 */
function elementsOf(html: string): { tag: string; attributes: Record<string, string> }[] {
  expect(html.replace(/<\/?[a-z0-9]+(\s[^<>]*)?\/?>/g, ''), 'a "<" outside an element').not.toMatch(/[<>]/);
  return [...html.matchAll(/<\/?([a-z0-9]+)((?:\s[^<>]*)?)\/?>/g)].map((match) => ({
    tag: match[1]!,
    attributes: Object.fromEntries([...match[2]!.matchAll(/\s([^\s=/]+)(?:="([^"]*)")?/g)].map((attribute) => [attribute[1]!, attribute[2] ?? ''])),
  }));
}

function expectSafe(html: string): void {
  for (const element of elementsOf(html)) {
    expect(Object.keys(ALLOWED), `<${element.tag}> in ${html}`).toContain(element.tag);
    for (const [name, value] of Object.entries(element.attributes)) {
      expect(ALLOWED[element.tag], `${name} on <${element.tag}> in ${html}`).toContain(name);
      if (name === 'href') expect(value, html).toMatch(/^(https?:\/\/|mailto:)/);
    }
  }
}

describe('renderMarkdown: what never reaches the output', () => {
  const attacks: [string, string][] = [
    ['script tag', '<script>alert(document.cookie)</script>'],
    ['script in a paragraph', 'Ciao <script src="https://male.example/x.js"></script> a tutti'],
    ['event handler on raw HTML', '<img src=x onerror="alert(1)">'],
    ['event handler in a div', '<div onmouseover="alert(1)">passa qui</div>'],
    ['iframe', '<iframe src="https://male.example"></iframe>'],
    ['style attribute', '<p style="position:fixed;top:0">finto avviso</p>'],
    ['style element', '<style>body{display:none}</style>'],
    ['svg with script', '<svg><script>alert(1)</script></svg>'],
    ['javascript link', '[clicca](javascript:alert(1))'],
    ['javascript link, mixed case and spaces', '[clicca]( JaVaScRiPt:alert(1) )'],
    ['javascript link, entity-encoded', '[clicca](&#106;avascript:alert(1))'],
    ['javascript link, escaped tab', '[clicca](java\tscript:alert(1))'],
    ['data link', '[apri](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['vbscript link', '[apri](vbscript:msgbox(1))'],
    ['autolink with javascript', '<javascript:alert(1)>'],
    ['reference link to javascript', '[clicca][x]\n\n[x]: javascript:alert(1)'],
    ['image with onerror', '![foto](x" onerror="alert(1))'],
    ['image of javascript', '![foto](javascript:alert(1))'],
    ['html block', '<details open ontoggle="alert(1)"><summary>x</summary></details>'],
    ['form', '<form action="https://male.example"><input name="password"></form>'],
    ['meta refresh', '<meta http-equiv="refresh" content="0;url=https://male.example">'],
    ['link title with quotes', '[x](https://esempio.it "titolo\\" onmouseover=\\"alert(1)")'],
    ['table cell with html', '| a |\n|---|\n| <img src=x onerror=alert(1)> |'],
  ];

  it.each(attacks)('%s', (_, markdown) => {
    expectSafe(renderMarkdown(markdown));
  });

  it('shows raw HTML as the text the author typed, never as elements', () => {
    expect(renderMarkdown('<script>alert(1)</script>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n');
    expect(renderMarkdown('<iframe src="x"></iframe>')).toBe('<p>&lt;iframe src="x"&gt;&lt;/iframe&gt;</p>\n');
  });

  it('keeps the text of a refused link, without the link', () => {
    expect(renderMarkdown('[clicca](javascript:alert(1))')).toBe('<p>[clicca](javascript:alert(1))</p>\n');
    expect(renderMarkdown('[sito](/pagina-interna)')).toBe('<p>[sito](/pagina-interna)</p>\n');
  });

  it('shows an image as a link to it: nothing is loaded from elsewhere', () => {
    expect(renderMarkdown('![logo](https://esempio.it/logo.png)')).toBe('<p>!<a href="https://esempio.it/logo.png" rel="noopener noreferrer nofollow">logo</a></p>\n');
  });
});

describe('renderMarkdown: ordinary documents', () => {
  it('renders minutes with headings under the page title, lists, emphasis and a link', () => {
    const minutes = [
      '# Verbale del tavolo anziani',
      '',
      'Presenti **12** organizzazioni su 15, _quorum raggiunto_.',
      '',
      '## Decisioni',
      '',
      '1. Approvato il calendario',
      '2. Rinviata la mappatura dei servizi',
      '',
      '- Azione: contattare il [Comune di Pinerolo](https://www.comune.pinerolo.to.it)',
      '- Scrivere a <segreteria@distretto.example.it>',
    ].join('\n');
    expect(renderMarkdown(minutes)).toBe([
      '<h2>Verbale del tavolo anziani</h2>',
      '<p>Presenti <strong>12</strong> organizzazioni su 15, <em>quorum raggiunto</em>.</p>',
      '<h3>Decisioni</h3>',
      '<ol>',
      '<li>Approvato il calendario</li>',
      '<li>Rinviata la mappatura dei servizi</li>',
      '</ol>',
      '<ul>',
      '<li>Azione: contattare il <a href="https://www.comune.pinerolo.to.it" rel="noopener noreferrer nofollow">Comune di Pinerolo</a></li>',
      '<li>Scrivere a <a href="mailto:segreteria@distretto.example.it" rel="noopener noreferrer nofollow">segreteria@distretto.example.it</a></li>',
      '</ul>',
      '',
    ].join('\n'));
  });

  it('renders headings at the level asked, never below h6', () => {
    expect(renderMarkdown('# Titolo', { headingOffset: 0 })).toBe('<h1>Titolo</h1>\n');
    expect(renderMarkdown('# Titolo', { headingOffset: 2 })).toBe('<h3>Titolo</h3>\n');
    expect(renderMarkdown('###### Minimo')).toBe('<h6>Minimo</h6>\n');
    expect(renderMarkdown('##### Quasi', { headingOffset: 3 })).toBe('<h6>Quasi</h6>\n');
    expect(renderMarkdown('# Titolo', { headingOffset: -2 })).toBe('<h1>Titolo</h1>\n');
    expect(renderMarkdown('# Titolo', { headingOffset: 1.7 })).toBe('<h2>Titolo</h2>\n');
  });

  it('renders a table, its alignment as classes instead of style', () => {
    const table = '| Ente | Presenze |\n|:-----|-------:|\n| Comune | 3 |\n| Cooperativa | 2 |';
    expect(renderMarkdown(table)).toBe([
      '<table>',
      '<thead>',
      '<tr>',
      '<th class="text-start">Ente</th>',
      '<th class="text-end">Presenze</th>',
      '</tr>',
      '</thead>',
      '<tbody>',
      '<tr>',
      '<td class="text-start">Comune</td>',
      '<td class="text-end">3</td>',
      '</tr>',
      '<tr>',
      '<td class="text-start">Cooperativa</td>',
      '<td class="text-end">2</td>',
      '</tr>',
      '</tbody>',
      '</table>',
      '',
    ].join('\n'));
    expect(renderMarkdown('| a | b |\n|:-:|---|\n| 1 | 2 |')).toContain('<th class="text-center">a</th>\n<th>b</th>');
  });

  it('renders code, quotes, strikethrough, rules and numbered lists that start elsewhere', () => {
    expect(renderMarkdown('Usa `npm test` e poi:\n\n```\nnpm start\n<b>non grassetto</b>\n```')).toBe(
      '<p>Usa <code>npm test</code> e poi:</p>\n<pre><code>npm start\n&lt;b&gt;non grassetto&lt;/b&gt;\n</code></pre>\n',
    );
    expect(renderMarkdown('> Citazione\n\n---\n\n~~superato~~')).toBe('<blockquote>\n<p>Citazione</p>\n</blockquote>\n<hr />\n<p><s>superato</s></p>\n');
    expect(renderMarkdown('3. terzo\n4. quarto')).toBe('<ol start="3">\n<li>terzo</li>\n<li>quarto</li>\n</ol>\n');
  });

  it('turns bare web addresses into links, and keeps accents and line breaks in a paragraph', () => {
    expect(renderMarkdown('Vedi https://www.regione.piemonte.it/welfare per i dettagli')).toBe(
      '<p>Vedi <a href="https://www.regione.piemonte.it/welfare" rel="noopener noreferrer nofollow">https://www.regione.piemonte.it/welfare</a> per i dettagli</p>\n',
    );
    expect(renderMarkdown('Perché è così\ne poi')).toBe('<p>Perché è così\ne poi</p>\n');
  });

  it('renders an empty text as nothing', () => {
    expect(renderMarkdown('')).toBe('');
    expect(renderMarkdown('   \n\n')).toBe('');
  });
});

describe('the safety check of these tests', () => {
  it('fails on what the renderer must never output', () => {
    for (const html of ['<script>x</script>', '<p onclick="x()">a</p>', '<p style="color:red">a</p>', '<a href="javascript:x">a</a>', '<iframe src="x"></iframe>', '<img src=x>', '<p>a < b</p>']) {
      expect(() => expectSafe(html), html).toThrow();
    }
    expect(() => expectSafe('<p>a &lt;script&gt; <a href="https://x.it" rel="nofollow">b</a></p>')).not.toThrow();
  });
});

describe('isAllowedLinkTarget', () => {
  it('allows absolute http(s) addresses and mailto', () => {
    for (const url of ['https://esempio.it', 'http://esempio.it/a?b=c', 'HTTPS://ESEMPIO.IT', ' https://esempio.it ', 'mailto:a@b.it']) expect(isAllowedLinkTarget(url), url).toBe(true);
  });

  it('refuses every other scheme, relative and protocol-relative addresses, and empty targets', () => {
    for (const url of ['javascript:alert(1)', 'JAVASCRIPT:x', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', 'ftp://esempio.it', '/interna', '//male.example', 'esempio.it', '', 'mailto:', 'https://', 'http:///x', 'https:esempio.it', 'tel:+39011']) {
      expect(isAllowedLinkTarget(url), url).toBe(false);
    }
  });
});
