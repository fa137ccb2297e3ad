/**
 * The document title of a view, shared by the app and the pre-rendered pages so a tab keeps its
 * title when the app takes over from the static page.
 */
export function formatPageTitle(page: string | null, siteTitle: string): string {
  // A site without a title gets the page's title alone, not one ending in a dangling separator.
  if (!page) return siteTitle;
  return siteTitle ? `${page} · ${siteTitle}` : page;
}

/** The title of a category's Atom feed, in the feed itself and in the links that advertise it. */
export function formatFeedTitle(siteTitle: string, categoryName: string): string {
  return siteTitle ? `${siteTitle} | ${categoryName}` : categoryName;
}

/** What an installed app's launcher shows comfortably; longer names are cut. */
const SHORT_NAME_MAX = 12;

/**
 * The web app manifest's names, from the site's title (`_config.yml` `title`): `name` is the
 * title itself; `short_name` is the title when it is short, else its first part before a
 * separator (`金融消息 | 财经` → `金融消息`), else its leading words, cut to fit a launcher.
 */
export function getWebAppNames(siteTitle: string): { name: string; short_name: string } {
  const name = siteTitle.trim() || 'Broadsheet';
  const fits = (text: string) => [...text].length <= SHORT_NAME_MAX;
  if (fits(name)) return { name, short_name: name };
  const head = name.split(/\s+[|｜·\-–—:]\s+|[|｜·：]/u)[0]?.trim() ?? '';
  if (head && fits(head)) return { name, short_name: head };
  let short = '';
  for (const word of name.split(/\s+/)) {
    const next = short ? `${short} ${word}` : word;
    if (!fits(next)) break;
    short = next;
  }
  return { name, short_name: short || [...name].slice(0, SHORT_NAME_MAX).join('') };
}
