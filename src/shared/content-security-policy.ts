/**
 * The Content-Security-Policy of every page, in one place: the build writes it into the shell's
 * `<meta>`, the local server sends it as a header, and docs/deploy.md shows hosts the same text.
 * See docs/decisions/007-content-security-policy.md and 011-hostile-input.md.
 */

/** Trusted Types policies the app creates; any other name is refused by the browser. */
export const trustedTypesPolicies = {
  /** DOMPurify parses and signs post HTML with it (src/features/article/sanitize-post-html.ts). */
  postHtml: 'broadsheet-post-html',
  /** Names the one service worker script (src/features/offline/service-worker.ts). */
  serviceWorker: 'broadsheet-service-worker',
  /**
   * Pagefind starts its worker with `new Worker(string)`; the default policy, consulted only for
   * plain strings, lets exactly that URL through (src/features/search/api/search-query.ts).
   */
  pagefindWorker: 'default',
} as const;

const directives = [
  "default-src 'self'",
  // No inline script and no `eval`; WebAssembly only, for Pagefind.
  "script-src 'self' 'wasm-unsafe-eval'",
  // Inline styles only because Chrome checks the policy even while the sanitizer parses a post in an
  // inert document, and real posts carry style attributes (which the sanitizer then drops).
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' https: http: data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-src 'none'",
  // Every HTML and script-URL sink takes only values made by the named policies.
  "require-trusted-types-for 'script'",
  `trusted-types ${Object.values(trustedTypesPolicies).join(' ')}`,
];

/** The policy the shell's `<meta>` carries. */
export const contentSecurityPolicy = directives.join('; ');

/** The header hosts should send: the same policy plus what a `<meta>` cannot carry. */
export const contentSecurityPolicyHeader = [...directives, "frame-ancestors 'none'"].join('; ');
