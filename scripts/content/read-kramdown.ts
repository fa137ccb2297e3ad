/**
 * kramdown, Jekyll's Markdown, on markdown-it: the syntax kramdown has and CommonMark lacks is
 * either handed to a plugin (attribute lists to markdown-it-attrs, definition lists, footnotes,
 * CJK-friendly emphasis) or handled here: `{:toc}`, the `^` block end, attribute list
 * definitions and options, heading ids made as kramdown's `auto_ids` makes them, and its
 * typographic symbols. Lines inside fenced code are never touched.
 */
import type { MarkdownIt, Token } from 'markdown-it';

/** Where `* TOC` + `{:toc}` stood; replaced by the table of contents once headings have ids. */
export const TOC_PLACEHOLDER = '<!--broadsheet-toc-->';

const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;
const IAL_ONLY = /^[ \t]{0,3}\{:\s*([^}]*)\}[ \t]*$/;
const TOC_MARK = /^[ \t]{0,3}\{:\s*toc\s*\}[ \t]*$/;
const LIST_ITEM = /^[ \t]*(?:[*+-]|\d+\.)[ \t]+\S/;
/** `{:name: …}` (a definition), `{::options …/}`, `{::comment}` and friends. */
const DIRECTIVE = /^[ \t]{0,3}\{:(?::[^}]*|[\w-]+:[^}]*)\}[ \t]*$/;
const HEADING_ID = /(?<=^#{1,6}[ \t].*?)[ \t]+\{#([\w-]+)\}[ \t]*$/;
const SPAN_IAL = /\{:\s*((?:[.#][\w-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s}]+)|\s+)*)\}/g;

function toAttrs(inner: string): string {
  const trimmed = inner.trim();
  return trimmed === '' ? '' : `{:${trimmed}}`;
}

/** The body with kramdown's block syntax made into what the markdown-it pipeline reads. */
export function prepareKramdown(body: string): string {
  if (!body.includes('{:') && !body.includes('{#') && !/^\^[ \t]*$/m.test(body)) return body;
  const lines = body.split('\n');
  let fence: string | null = null;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const opening = FENCE.exec(line);
    if (fence !== null) {
      if (opening && opening[1]?.[0] === fence[0] && (opening[1]?.length ?? 0) >= fence.length) fence = null;
      continue;
    }
    if (opening) {
      fence = opening[1] ?? null;
      continue;
    }
    if (/^\^[ \t]*$/.test(line)) {
      lines[index] = '';
    } else if (TOC_MARK.test(line)) {
      const previous = lines[index - 1] ?? '';
      if (LIST_ITEM.test(previous)) lines[index - 1] = '';
      lines[index] = `\n${TOC_PLACEHOLDER}\n`;
    } else if (DIRECTIVE.test(line)) {
      lines[index] = '';
    } else {
      const ial = IAL_ONLY.exec(line);
      const previous = lines[index - 1] ?? '';
      if (ial) {
        // Before a block (a blank line above) kramdown gives it to the next block; that class
        // would be dropped by the sanitizer anyway, so the line just goes.
        if (previous.trim() === '') lines[index] = '';
        else if (/^[ \t]*\|/.test(previous)) lines[index] = `\n${toAttrs(ial[1] ?? '')}`;
        else lines[index] = toAttrs(ial[1] ?? '');
      } else if (line.includes('{:')) {
        lines[index] = line.replace(SPAN_IAL, (_, inner: string) => toAttrs(inner));
      } else if (HEADING_ID.test(line)) {
        // kramdown's `## Heading {#id}`, in the attribute syntax the plugin reads.
        lines[index] = line.replace(HEADING_ID, ' {:#$1}');
      }
    }
  }
  return lines.join('\n');
}

/** kramdown's `basic_generate_id` (its own parser): ASCII letters, digits, spaces and dashes; `section` if none. */
export function getKramdownId(text: string): string {
  const id = text
    .replace(/^[^a-zA-Z]+/, '')
    .replace(/[^a-zA-Z0-9 -]/g, '')
    .replaceAll(' ', '-')
    .toLowerCase();
  return id === '' ? 'section' : id;
}

/**
 * The GFM parser's header ids, which Jekyll uses by default (`kramdown.input: GFM`): lower
 * case, every character that is not a letter, mark, digit, `_`, `-` or blank dropped, blanks as
 * dashes; CJK headings keep their text.
 */
export function getGfmId(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- \t]/gu, '')
    .replace(/[ \t]/g, '-');
}

/** kramdown's typographic symbols (not markdown-it's (c), (tm), +-): `---` `--` `...` `<<` `>>`. */
function replaceSymbols(text: string): string {
  return text
    .replaceAll('---', '\u2014')
    .replaceAll('--', '\u2013')
    .replaceAll('...', '\u2026')
    .replaceAll('<<', '\u00ab')
    .replaceAll('>>', '\u00bb');
}

/** markdown-it's typographer without its replacements rule, with kramdown's symbols instead. */
export function addKramdownTypography(markdown: MarkdownIt): void {
  markdown.disable('replacements');
  markdown.core.ruler.after('inline', 'kramdown_symbols', (state) => {
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue;
      let insideLink = 0;
      for (const token of block.children) {
        if (token.type === 'link_open' && token.info === 'auto') insideLink += 1;
        else if (token.type === 'link_close' && insideLink > 0) insideLink -= 1;
        else if (token.type === 'text' && insideLink === 0 && /--|\.\.\.|<<|>>/.test(token.content)) {
          token.content = replaceSymbols(token.content);
        }
      }
    }
  });
}

function getInlineText(token: Token | undefined): string {
  if (!token?.children) return token?.content ?? '';
  return token.children
    .filter((child) => child.type === 'text' || child.type === 'code_inline')
    .map((child) => child.content)
    .join('');
}

type Heading = { level: number; id: string; html: string };

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** kramdown's table of contents: nested lists of links to every heading not marked `no_toc`. */
export function renderToc(tokens: Token[]): string {
  const headings: Heading[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index];
    if (token?.type !== 'heading_open') continue;
    const rawId = token.attrGet('id');
    if (rawId === null || String(token.attrGet('class') ?? '').split(/\s+/).includes('no_toc')) continue;
    const id = String(rawId);
    headings.push({ level: Number(token.tag.slice(1)), id, html: escapeHtml(getInlineText(tokens[index + 1])) });
  }
  if (headings.length === 0) return '';
  let html = '';
  const open: number[] = [];
  for (const heading of headings) {
    while (open.length > 0 && (open[open.length - 1] ?? 0) > heading.level) {
      html += '</li></ul>';
      open.pop();
    }
    if (open.length > 0 && open[open.length - 1] === heading.level) html += '</li>';
    else {
      html += open.length === 0 ? '<ul id="markdown-toc">' : '<ul>';
      open.push(heading.level);
    }
    const id = escapeHtml(heading.id);
    html += `<li><a href="#${id}" id="markdown-toc-${id}">${heading.html}</a>`;
  }
  html += '</li></ul>'.repeat(open.length);
  return html;
}
