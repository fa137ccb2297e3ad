/**
 * The document title of a view, shared by the app and the pre-rendered pages so a tab keeps its
 * title when the app takes over from the static page.
 */
export function formatPageTitle(page: string | null, siteTitle: string): string {
  return page ? `${page} · ${siteTitle}` : siteTitle;
}
