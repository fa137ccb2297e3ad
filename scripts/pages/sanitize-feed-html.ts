/**
 * Feeds embed post bodies, and feed readers render them: the body must be sanitized here with
 * the same policy as in the app (src/shared/post-html-policy.ts), by DOMPurify on jsdom. Only the
 * allowlist pass and the hidden-element rule apply; the app's reader rewriting (in-app links,
 * lazy images) means nothing to a feed reader. See docs/decisions/011-hostile-input.md.
 */
import DOMPurify from 'dompurify';
// @ts-expect-error jsdom ships no type declarations and @types/jsdom is not a dependency
import { JSDOM } from 'jsdom';
import {
  HIDDEN_MARK,
  SAFE_DATA_IMAGE,
  isHiddenByAuthor,
  purifyOptions,
  type AttributeReader,
} from '../../src/shared/post-html-policy';

/** What this module reads of jsdom's elements (there are no DOM types on the Node side). */
type FeedElement = AttributeReader & {
  remove(): void;
  setAttribute(name: string, value: string): void;
};
type FeedFragment = { querySelectorAll(selector: string): Iterable<FeedElement> };
type FeedContainer = { append(node: unknown): void; innerHTML: string };

const ELEMENT_NODE = 1;

function isElement(node: unknown): node is FeedElement {
  return (
    typeof node === 'object' &&
    node !== null &&
    Reflect.get(node, 'nodeType') === ELEMENT_NODE &&
    typeof Reflect.get(node, 'getAttribute') === 'function'
  );
}

let purifier: { sanitize: (html: string) => string } | null = null;

function getPurifier(): { sanitize: (html: string) => string } {
  if (purifier) return purifier;
  const dom: object = new JSDOM('<!doctype html><html><body></body></html>');
  const window: object = Reflect.get(dom, 'window');
  const document: object = Reflect.get(window, 'document');
  const instance = DOMPurify(Reflect.get(dom, 'window'));
  instance.addHook('beforeSanitizeAttributes', (node: unknown) => {
    if (isElement(node) && isHiddenByAuthor(node)) node.setAttribute(HIDDEN_MARK, '');
  });
  purifier = {
    sanitize(html) {
      // Null for a post that opens with `<frameset>` (it replaces the body), despite the types.
      const fragment: FeedFragment | null = instance.sanitize(html, {
        ...purifyOptions,
        RETURN_DOM_FRAGMENT: true,
      });
      if (!fragment) return '';
      for (const hidden of fragment.querySelectorAll(`[${HIDDEN_MARK}]`)) hidden.remove();
      for (const image of fragment.querySelectorAll('img')) {
        const src = image.getAttribute('src')?.trim() ?? '';
        if (src === '' || (/^data:/i.test(src) && !SAFE_DATA_IMAGE.test(src))) image.remove();
      }
      const container: FeedContainer = Reflect.apply(
        Reflect.get(document, 'createElement'),
        document,
        ['div'],
      );
      container.append(fragment);
      return container.innerHTML;
    },
  };
  return purifier;
}

/** A post body as feeds may carry it. */
export function sanitizeFeedHtml(html: string): string {
  return getPurifier().sanitize(html);
}
