/**
 * Syntax colouring at build time (highlight.js), so the browser bundle ships no highlighter:
 * the reader gets `<span class="hljs-…">` runs, which the sanitizer policy lets through and the
 * app's stylesheet colours. A language highlight.js does not know is escaped as plain text.
 */
import { createRequire } from 'node:module';

/** The part of highlight.js used here. Loaded untyped: its type file pulls in the DOM's types. */
type Highlighter = {
  getLanguage(name: string): object | undefined;
  highlight(code: string, options: { language: string; ignoreIllegals: boolean }): { value: string };
};
const hljs = createRequire(import.meta.url)('highlight.js/lib/common') as Highlighter;

/** Rouge's and kramdown's names for a few languages that highlight.js spells otherwise. */
const ALIASES: Record<string, string> = {
  shell: 'bash',
  sh: 'bash',
  console: 'bash',
  zsh: 'bash',
  yml: 'yaml',
  js: 'javascript',
  ts: 'typescript',
  py: 'python',
  rb: 'ruby',
  text: 'plaintext',
  plain: 'plaintext',
};

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** The code as HTML with colour spans, or escaped as it is for an unknown language. */
export function highlightCode(code: string, lang: string): string {
  const name = ALIASES[lang.toLowerCase()] ?? lang.toLowerCase();
  if (name === '' || name === 'plaintext' || !hljs.getLanguage(name)) return escapeHtml(code);
  return hljs.highlight(code, { language: name, ignoreIllegals: true }).value;
}
