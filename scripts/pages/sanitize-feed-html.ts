/**
 * Feeds embed post bodies, and feed readers render them: the body must be sanitized here with
 * the same policy as in the app (src/shared/post-html-policy.ts), by DOMPurify on jsdom: the
 * allowlist pass (no `style`, no `<style>`), the hidden-element rule, the class tokens the app
 * keeps, and the archive's back-link footer dropped as the app drops it. The app's reader
 * rewriting (in-app links, lazy images) means nothing to a feed reader. See
 * docs/decisions/011-hostile-input.md and 025-feeds-offline-and-dates.md.
 */
import DOMPurify from 'dompurify';
// @ts-expect-error jsdom ships no type declarations and @types/jsdom is not a dependency
import { JSDOM } from 'jsdom';
import {
  HIDDEN_MARK,
  SAFE_DATA_IMAGE,
  POST_CLASS,
  isHiddenByAuthor,
  purifyOptions,
  removeTrailingFooter,
  type AttributeReader,
  type PostNode,
} from '../../src/shared/post-html-policy';

/** What this module reads of jsdom's elements (there are no DOM types on the Node side). */
type FeedElement = AttributeReader & {
  remove(): void;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
};
type FeedFragment = {
  querySelectorAll(selector: string): Iterable<FeedElement>;
  lastChild: PostNode | null;
};
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

/** Where a post lives, so its links can be told apart: into the archive, or elsewhere. */
export type FeedPostContext = {
  /** The post's permalink (an app path), which relative links resolve against. */
  postUrl: string;
  /** `site.url` (may be empty). */
  siteUrl: string;
  /** Host names the archive lived on. */
  hosts: readonly string[];
};

/** Whether every link leads back into the archive (its hosts, or a relative address): its navigation. */
function isArchiveLinks(links: readonly AttributeReader[], context: FeedPostContext): boolean {
  let base: URL;
  try {
    base = new URL(context.postUrl, context.siteUrl || 'https://archive.invalid');
  } catch {
    base = new URL(context.postUrl, 'https://archive.invalid');
  }
  const hosts = new Set([base.hostname, ...context.hosts].map((host) => host.toLowerCase()));
  return links.every((link) => {
    try {
      const url = new URL(link.getAttribute('href') ?? '', base);
      return (
        (url.protocol === 'http:' || url.protocol === 'https:') &&
        hosts.has(url.hostname.toLowerCase())
      );
    } catch {
      return false;
    }
  });
}

type Purifier = { sanitize: (html: string, context?: FeedPostContext) => string };

let purifier: Purifier | null = null;

function getPurifier(): Purifier {
  if (purifier) return purifier;
  const dom: object = new JSDOM('<!doctype html><html><body></body></html>');
  const window: object = Reflect.get(dom, 'window');
  const document: object = Reflect.get(window, 'document');
  const instance = DOMPurify(Reflect.get(dom, 'window'));
  instance.addHook('beforeSanitizeAttributes', (node: unknown) => {
    if (isElement(node) && isHiddenByAuthor(node)) node.setAttribute(HIDDEN_MARK, '');
  });
  purifier = {
    sanitize(html, context) {
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
      // The scraped site's class names style nothing here; only the build's own tokens stay.
      for (const element of fragment.querySelectorAll('[class]')) {
        const kept = (element.getAttribute('class') ?? '')
          .split(/\s+/)
          .filter((name) => POST_CLASS.test(name));
        if (kept.length > 0) element.setAttribute('class', kept.join(' '));
        else element.removeAttribute('class');
      }
      if (context) removeTrailingFooter(fragment, (links) => isArchiveLinks(links, context));
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

/**
 * A post body as feeds may carry it. With the post's context, a trailing paragraph of links back
 * into the archive (its old navigation) is dropped.
 */
export function sanitizeFeedHtml(html: string, context?: FeedPostContext): string {
  return getPurifier().sanitize(html, context);
}
