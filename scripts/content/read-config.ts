/**
 * The site settings Broadsheet takes from `_config.yml`. A broken or missing file is not fatal:
 * the defaults below apply and the problem is reported.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../../src/shared/schema';
import type { SiteConfig } from './types';
import { formatIsoInZone, isKnownTimeZone } from './read-date';
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
};

/** Settings that change which posts Jekyll publishes or where, and that we do not follow. */
const UNSUPPORTED_SETTINGS: Record<string, string> = {
  future: 'future-dated posts are always left out',
  unpublished: 'posts with "published: false" are always left out',
  defaults: 'front matter defaults are not applied',
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
  if (found === null) return { config: { ...DEFAULT_SITE_CONFIG }, diagnostics };
  const text = found.text.replace(/^\uFEFF/, '').replaceAll('\r\n', '\n');
  const parsed = parseFrontMatter(text, 1, found.name);
  if (!parsed.ok) {
    diagnostics.push({ file: found.name, line: parsed.line, severity: 'error', message: `${parsed.message}; using defaults` });
    return { config: { ...DEFAULT_SITE_CONFIG }, diagnostics };
  }
  const data = parsed.data;
  const read = (key: keyof SiteConfig): string => {
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
  };
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
