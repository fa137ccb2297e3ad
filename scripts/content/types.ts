/**
 * The seam between reading a Jekyll site (read-*.ts) and writing the bundle (write-*.ts).
 * Reading a file is a pure function of its bytes, its path and the site config, which is what
 * makes the content-keyed cache of incremental builds possible.
 */
import { z } from 'zod';
import { diagnosticSchema } from '../../src/shared/schema';
import type { LiquidSite } from './read-liquid';

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
  /**
   * `collections.posts.permalink`, which replaces `permalink` for posts; Jekyll takes it as a
   * template as written (a style name there is not expanded).
   */
  postsPermalink?: string;
  /** `defaults:` sets in the order written (Jekyll's front matter defaults). */
  defaults?: FrontMatterDefault[];
  /** The config, `_data/` and `_includes/` as Liquid sees them; none for a site without a config. */
  liquid?: LiquidSite;
};

/** One set of `defaults:`: values given to every file in its scope. */
export type FrontMatterDefault = {
  /** `scope.path` as written, or '' for every path; may hold `*` globs. */
  path: string;
  /** `scope.type` (`posts`, `pages`, ...), the old singular names mapped; null for every type. */
  type: string | null;
  values: Record<string, unknown>;
};

/**
 * One post as read from its file, before any cross-post work (duplicates, neighbours). A schema
 * because the incremental cache stores it and checks it when read back.
 */
export const sourcePostSchema = z.object({
  /** Path relative to the site root, `/`-separated: `_posts/2022-02-26-x.md`. */
  file: z.string(),
  /** Jekyll permalink, percent-encoded as Jekyll writes it. */
  url: z.string(),
  /** Plain text. */
  title: z.string(),
  /** ISO 8601 with the site's offset: `2022-02-26T21:22:00+08:00`. */
  date: z.string(),
  /** As written (case kept), folder categories first, as Jekyll orders them. */
  categories: z.array(z.string()),
  tags: z.array(z.string()),
  /** Rendered body, untrusted HTML. */
  html: z.string(),
  /** Front matter `lang`, else from `defaults:`, else the site's `lang`. */
  lang: z.string(),
  /** Plain text of the body (for search and excerpts). */
  text: z.string(),
  excerpt: z.string(),
  /** Characters of body text; a CJK character counts as one. */
  chars: z.number(),
  /** The story's original address (the `<http://…>` source link), if any. */
  source: z.string().nullable(),
  /**
   * For a file in an archive folder, the URL Jekyll gives it as a page
   * (`/old_post/2021-12-08-x.html`); null for a file under `_posts/`.
   */
  page: z.string().nullable(),
});

export type SourcePost = z.infer<typeof sourcePostSchema>;

/**
 * The outcome of reading one file under a `_posts/` folder. Future-dated and unpublished files
 * are `skipped` here, by the reader, so every `post` belongs in the bundle (bar duplicates).
 */
export const fileResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('post'), post: sourcePostSchema, diagnostics: z.array(diagnosticSchema) }),
  z.object({
    kind: z.literal('skipped'),
    file: z.string(),
    reason: z.string(),
    diagnostics: z.array(diagnosticSchema),
  }),
]);

export type FileResult = z.infer<typeof fileResultSchema>;
