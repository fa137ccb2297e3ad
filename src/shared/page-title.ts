/**
 * The document title of a view, shared by the app and the pre-rendered pages so a tab keeps its
 * title when the app takes over from the static page.
 */
export function formatPageTitle(page: string | null, siteTitle: string): string {
  // A site without a title gets the page's title alone, not one ending in a dangling separator.
  if (!page) return siteTitle;
  return siteTitle ? `${page} · ${siteTitle}` : page;
}
