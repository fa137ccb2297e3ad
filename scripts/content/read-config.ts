/**
 * The site settings Broadsheet takes from `_config.yml`. A broken or missing file is not fatal:
 * the defaults below apply and the problem is reported.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Diagnostic } from '../../src/shared/schema';
import type { SiteConfig } from './types';
import { formatIsoInZone, isKnownTimeZone } from './read-date';
import { readDefaults } from './read-defaults';
import { readLiquidSite } from './read-site-data';
import { findKeyLine, formatRubyValue, parseFrontMatter } from './read-front-matter';

/** Jekyll looks for these in this order and reads the first one found. */
const CONFIG_FILES = ['_config.yml', '_config.yaml'];

export const DEFAULT_SITE_CONFIG: SiteConfig = {
  title: '',
  description: '',
  lang: 'en',
  // Jekyll falls back to the building machine's zone; a fixed zone keeps builds reproducible.
  timezone: 'UTC',
  permalink: 'date',
  url: '',
  baseurl: '',
  archive: [],
  formerHosts: [],
};

/**
 * Broadsheet's own key in `_config.yml`, which Jekyll ignores. A single name is taken as a list
 * of one, as YAML writers often do.
 */
const nameListSchema = z
  .union([z.string(), z.array(z.union([z.string(), z.number()]))])
  .transform((value) => [value].flat().map(String));
const broadsheetSchema = z.object({
  archive: nameListSchema.optional(),
  former_hosts: nameListSchema.optional(),
});

/**
 * An archive folder as written (`old_post`, `/old_post/`, `./old_post`) as a site-relative path,
 * or null when it could not be one (empty, `..`, or a `_posts` folder, which is read anyway).
 */
export function normalizeArchiveFolder(folder: string): string | null {
  const segments = folder
    .replaceAll('\\', '/')
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.');
  if (segments.length === 0 || segments.includes('..') || segments.includes('_posts')) return null;
  return segments.join('/');
}

/** A host as written (`finews.zning.me`, `https://finews.zning.me/`) as a lower-case host name. */
function normalizeHost(host: string): string {
  return host
    .trim()
    .replace(/^(?:[a-z][a-z0-9+.-]*:)?\/\//i, '')
    .replace(/[/?#:].*$/s, '')
    .toLowerCase();
}

/**
 * Adds archive folders (from the config or the command line) to a config, dropping unusable
 * names and repeats; each problem is reported against `file`.
 */
export async function addArchiveFolders(
  config: SiteConfig,
  folders: readonly string[],
  siteRoot: string,
  file: string,
  line: number,
): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  for (const folder of folders) {
    const normalized = normalizeArchiveFolder(folder);
    if (normalized === null) {
      diagnostics.push({ file, line, severity: 'error', message: `archive folder "${folder}" is not a folder of the site; ignored` });
      continue;
    }
    if (config.archive.includes(normalized)) continue;
    const info = await stat(path.join(siteRoot, normalized)).catch(() => null);
    if (!info?.isDirectory()) {
      diagnostics.push({ file, line, severity: 'warning', message: `archive folder "${normalized}" does not exist; no posts read from it` });
    }
    // A new list: the config may share its arrays with DEFAULT_SITE_CONFIG.
    config.archive = [...config.archive, normalized];
  }
  return diagnostics;
}

/** A fresh copy: the lists in it are filled in place. */
function getDefaultConfig(): SiteConfig {
  return { ...DEFAULT_SITE_CONFIG, archive: [], formerHosts: [] };
}

/** Settings that change which posts Jekyll publishes or where, and that we do not follow. */
const UNSUPPORTED_SETTINGS: Record<string, string> = {
  future: 'future-dated posts are always left out',
  unpublished: 'posts with "published: false" are always left out',
  markdown_ext: 'only the default Markdown extensions are read as Markdown',
  collections_dir: 'posts are read from _posts folders under the site root',
};

async function readFirstConfigFile(siteRoot: string): Promise<{ name: string; text: string } | null> {
  for (const name of CONFIG_FILES) {
    try {
      return { name, text: await readFile(path.join(siteRoot, name), 'utf8') };
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
    }
  }
  return null;
}

/** Reads `_config.yml` (or `_config.yaml`) under `siteRoot`; defaults fill what it leaves out. */
export async function readSiteConfig(siteRoot: string): Promise<{ config: SiteConfig; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const found = await readFirstConfigFile(siteRoot);
  if (found === null) return { config: getDefaultConfig(), diagnostics };
  const text = found.text.replace(/^\uFEFF/, '').replaceAll('\r\n', '\n');
  const parsed = parseFrontMatter(text, 1, found.name);
  if (!parsed.ok) {
    diagnostics.push({ file: found.name, line: parsed.line, severity: 'error', message: `${parsed.message}; using defaults` });
    return { config: getDefaultConfig(), diagnostics };
  }
  const data = parsed.data;
  const read = (key: Exclude<keyof SiteConfig, 'archive' | 'formerHosts' | 'postsPermalink' | 'defaults' | 'liquid'>): string => {
    const value = data[key];
    if (value === null || value === undefined) return DEFAULT_SITE_CONFIG[key];
    return formatRubyValue(value, (instant) => formatIsoInZone(instant, 'UTC'));
  };
  const config: SiteConfig = {
    title: read('title'),
    description: read('description'),
    lang: read('lang') || DEFAULT_SITE_CONFIG.lang,
    timezone: read('timezone') || DEFAULT_SITE_CONFIG.timezone,
    permalink: read('permalink') || DEFAULT_SITE_CONFIG.permalink,
    url: read('url').replace(/\/+$/, ''),
    baseurl: read('baseurl'),
    archive: [],
    formerHosts: [],
  };
  const liquid = await readLiquidSite(siteRoot, data);
  config.liquid = liquid.site;
  diagnostics.push(...liquid.diagnostics);
  const defaults = readDefaults(data.defaults);
  if (defaults.defaults.length > 0) config.defaults = defaults.defaults;
  if (defaults.invalid > 0) {
    diagnostics.push({
      file: found.name,
      line: findKeyLine(text, 1, 'defaults'),
      severity: 'warning',
      message: `${defaults.invalid} set(s) of "defaults" have no "values" mapping; ignored, as Jekyll does`,
    });
  }
  const collections = data.collections;
  const posts = typeof collections === 'object' && collections !== null && !Array.isArray(collections) ? (collections as Record<string, unknown>).posts : undefined;
  const postsPermalink = typeof posts === 'object' && posts !== null ? (posts as Record<string, unknown>).permalink : undefined;
  if (postsPermalink !== undefined && postsPermalink !== null && postsPermalink !== false) {
    config.postsPermalink = formatRubyValue(postsPermalink, (instant) => formatIsoInZone(instant, 'UTC'));
  }
  const ownKey = data.broadsheet;
  if (ownKey !== null && ownKey !== undefined) {
    const own = broadsheetSchema.safeParse(ownKey);
    const line = findKeyLine(text, 1, 'broadsheet');
    if (own.success) {
      diagnostics.push(...(await addArchiveFolders(config, own.data.archive ?? [], siteRoot, found.name, line)));
      config.formerHosts = [...new Set((own.data.former_hosts ?? []).map(normalizeHost).filter((host) => host !== ''))];
    } else {
      diagnostics.push({
        file: found.name,
        line,
        severity: 'error',
        message: '"broadsheet" should hold "archive" and "former_hosts" as lists of names; ignored',
      });
    }
  }
  if (!isKnownTimeZone(config.timezone)) {
    diagnostics.push({
      file: found.name,
      line: findKeyLine(text, 1, 'timezone'),
      severity: 'error',
      message: `unknown timezone "${config.timezone}"; using UTC`,
    });
    config.timezone = DEFAULT_SITE_CONFIG.timezone;
  }
  for (const [key, consequence] of Object.entries(UNSUPPORTED_SETTINGS)) {
    const value = data[key];
    if (value === null || value === undefined || value === false) continue;
    if (key === 'markdown_ext' && value === 'markdown,mkdown,mkdn,mkd,md') continue;
    diagnostics.push({
      file: found.name,
      line: findKeyLine(text, 1, key),
      severity: 'warning',
      message: `"${key}" is not supported: ${consequence}`,
    });
  }
  return { config, diagnostics };
}
