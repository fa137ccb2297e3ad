/**
 * The seam between reading a Jekyll site (read-*.ts) and writing the bundle (write-*.ts).
 * Reading a file is a pure function of its bytes, its path and the site config, which is what
 * makes the content-keyed cache of incremental builds possible.
 */
import type { Diagnostic } from '../../src/shared/schema';

/** What `_config.yml` contributes. */
export type SiteConfig = {
  title: string;
  description: string;
  lang: string;
  /** IANA zone; Jekyll's default when unset is the machine's zone, ours is UTC (reported). */
  timezone: string;
  /** Site-wide `permalink` (a style name like `date` or a template). */
  permalink: string;
  url: string;
  baseurl: string;
  /**
   * Folders (relative to the site root, `/`-separated) whose files are posts too, read by the
   * post rules: `broadsheet.archive` in `_config.yml` plus each `--archive DIR`. Jekyll itself
   * publishes them as pages.
   */
  archive: string[];
  /** Earlier host names of the site (`broadsheet.former_hosts`): links to them are in-app links. */
  formerHosts: string[];
};

/** One post as read from its file, before any cross-post work (duplicates, neighbours). */
export type SourcePost = {
  /** Path relative to the site root, `/`-separated: `_posts/2022-02-26-x.md`. */
  file: string;
  /** Jekyll permalink, percent-encoded as Jekyll writes it. */
  url: string;
  /** Plain text. */
  title: string;
  /** ISO 8601 with the site's offset: `2022-02-26T21:22:00+08:00`. */
  date: string;
  /** As written (case kept), folder categories first, as Jekyll orders them. */
  categories: string[];
  tags: string[];
  /** Rendered body, untrusted HTML. */
  html: string;
  /** Plain text of the body (for search and excerpts). */
  text: string;
  excerpt: string;
  /** Characters of body text; a CJK character counts as one. */
  chars: number;
  /** The story's original address (the `<http://…>` source link), if any. */
  source: string | null;
  /** Future-dated posts are kept out of the bundle but reported as skipped. */
  published: boolean;
  /**
   * For a file in an archive folder, the URL Jekyll gives it as a page
   * (`/old_post/2021-12-08-x.html`); null for a file under `_posts/`.
   */
  page: string | null;
};

/** The outcome of reading one file under a `_posts/` folder. */
export type FileResult =
  | { kind: 'post'; post: SourcePost; diagnostics: Diagnostic[] }
  | { kind: 'skipped'; file: string; reason: string; diagnostics: Diagnostic[] };
