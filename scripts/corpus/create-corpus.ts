/**
 * A synthetic archive site in the real archive's shapes: a rolling feed carrying most posts,
 * ~30 smaller sources, dates a few minutes apart, plain digests, `> ` digests over raw HTML,
 * `<http://…>` source links and back-link footers in each style the archive used. Seeded and
 * deterministic: the same options give the same bytes.
 */
import {
  ACTIONS,
  CITIES,
  COMPANIES,
  CONNECTORS,
  CORPORATE_EVENTS,
  INDICES,
  INSTITUTIONS,
  MARKET_MOVES,
  OTHER_SOURCES,
  OUTLOOKS,
  POLICY_TOPICS,
  REPORTERS,
  ROLLING_SOURCE,
  SECTORS,
} from './words';
import type { Source } from './words';

export type CorpusOptions = {
  posts: number;
  seed: number;
  /** Add a handful of deliberately odd files (bad YAML, duplicates, binary, …). */
  withBroken?: boolean;
  /** Site title for `_config.yml`. */
  title?: string;
  /** Date of the first post (`YYYY-MM-DD`, 08:00 in Shanghai); default 2021-12-01. */
  start?: string;
  /** Largest gap between two posts in minutes (the smallest is a tenth of it); default 9. */
  maxGapMinutes?: number;
  /**
   * Lay the site out like the real archive: posts more than `recentDays` days older than the
   * newest one go into this folder (named under `broadsheet.archive` in `_config.yml`).
   */
  archiveDir?: string;
  /** Days of posts that stay in `_posts/` when `archiveDir` is set; default 3. */
  recentDays?: number;
};

export type CorpusFile = { path: string; content: string | Uint8Array };

/** The site the generated footers link back to, and the host it lived on before. */
export const CORPUS_HOST = 'news.example-archive.cn';
export const CORPUS_OLD_HOST = 'old.example-archive.cn';

const DEFAULT_START = '2021-12-01';
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** mulberry32: a tiny seeded generator, enough for varied text. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (p: number) => next() < p,
  };
}
type Random = ReturnType<typeof createRandom>;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** Shanghai wall-clock parts of an instant. */
function getLocalParts(ms: number) {
  const local = new Date(ms + SHANGHAI_OFFSET_MS);
  const day = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  return { day, time, compact: day.replaceAll('-', '') };
}

function createSourcePicker(random: Random) {
  const sources = [ROLLING_SOURCE, ...OTHER_SOURCES];
  const total = sources.reduce((sum, source) => sum + source.weight, 0);
  return (): Source => {
    let roll = random.next() * total;
    for (const source of sources) {
      roll -= source.weight;
      if (roll <= 0) return source;
    }
    return ROLLING_SOURCE;
  };
}

function createTitle(random: Random): string {
  const company = random.pick(COMPANIES);
  const sector = random.pick(random.chance(0.3) ? INDICES : SECTORS);
  switch (random.int(0, 5)) {
    case 0:
      return `${random.pick(INSTITUTIONS)}：${random.pick(ACTIONS)}${random.pick(POLICY_TOPICS)}力度`;
    case 1:
      return `${company}${random.pick(CORPORATE_EVENTS)}`;
    case 2:
      return `${sector}${random.pick(MARKET_MOVES)} ${random.int(2, 40)}股涨停`;
    case 3:
      return `${random.int(1, 12)}月${random.pick(['社融', 'CPI', 'PPI', '出口', '工业增加值'])}数据出炉 同比增长${random.int(1, 99) / 10}%`;
    case 4:
      return `${random.pick(CITIES)}出台新政 ${random.pick(ACTIONS)}${random.pick(POLICY_TOPICS)}`;
    default:
      return `“${random.pick(POLICY_TOPICS)}”有新进展！${company}率先布局`;
  }
}

function createSentence(random: Random): string {
  const number = `${random.int(1, 999)}.${random.int(0, 99)}`;
  switch (random.int(0, 6)) {
    case 0:
      return `${random.pick(INSTITUTIONS)}表示，将${random.pick(ACTIONS)}${random.pick(POLICY_TOPICS)}，${random.pick(OUTLOOKS)}。`;
    case 1:
      return `截至收盘，${random.pick(INDICES)}${random.pick(MARKET_MOVES)}，报${random.int(2000, 14000)}.${random.int(10, 99)}点，成交额${number}亿元。`;
    case 2:
      return `${random.pick(COMPANIES)}公告称，公司${random.pick(CORPORATE_EVENTS)}，涉及金额约${number}亿元。`;
    case 3:
      return `${random.pick(CONNECTORS)}，${random.pick(SECTORS)}板块今年以来累计上涨${random.int(1, 80)}%，${random.pick(OUTLOOKS)}。`;
    case 4:
      return `${random.pick(REPORTERS)}从${random.pick(CITIES)}获悉，当地${random.int(1, 12)}月份新增${random.pick(SECTORS)}项目${random.int(3, 90)}个。`;
    case 5:
      return `${random.pick(CONNECTORS)}，前${random.int(2, 11)}个月${random.pick(['进出口总值', '社会消费品零售总额', '固定资产投资', '规模以上工业利润'])}同比增长${random.int(1, 300) / 10}%。`;
    default:
      return `北向资金全天净${random.chance(0.5) ? '买入' : '卖出'}${number}亿元，${random.pick(CONNECTORS)}${random.pick(OUTLOOKS)}。`;
  }
}

function createParagraph(random: Random, sentences: number): string {
  let text = '';
  for (let i = 0; i < sentences; i++) text += createSentence(random);
  return text;
}

function createSourceLink(random: Random, id: string, rolling: boolean): string {
  if (rolling) {
    const desk = random.pick(['finance', 'stock', 'hk', 'futures']);
    return `<http://${desk}.example.com/news/${random.int(1300, 1399)},${id}.html>`;
  }
  return `<http://mirror.example-archive.cn/html_News/NewsShare.html?infoCode=${id}>`;
}

/** The back-link footers, in every style the archive wrote over the years. */
function createFooter(random: Random, source: Source, rolling: boolean): string {
  const label = `[返回${source.name}新闻]`;
  if (!rolling) {
    return `${label}(//${CORPUS_HOST}/category/${source.slug}.html)｜[返回首页](//${CORPUS_HOST}/)`;
  }
  switch (random.int(0, 5)) {
    case 0:
      return `${label}(../${source.slug}/)\n[返回首页](../)`;
    case 1:
      return `${label}(./${source.slug}/)\n[返回首页](./)`;
    case 2:
      return `${label}(//${CORPUS_OLD_HOST}/${source.slug}/)\n[返回首页](//${CORPUS_OLD_HOST}/)`;
    case 3:
      return '';
    default:
      return `${label}(//${CORPUS_HOST}/${source.slug}/)｜[返回首页](//${CORPUS_HOST}/)`;
  }
}

function createHtmlBody(random: Random, source: Source, id: string): string {
  const parts: string[] = [];
  const paragraphs = random.int(2, 6);
  for (let i = 0; i < paragraphs; i++) {
    const text = createParagraph(random, random.int(1, 4));
    parts.push(random.chance(0.15) ? `<p><strong>${text}</strong></p>` : `<p>${text}</p>`);
  }
  if (random.chance(0.12)) {
    parts.splice(
      random.int(1, parts.length),
      0,
      `<center><img src="https://img.example.com/news/${id}_w${random.int(400, 700)}.jpg" width="${random.int(400, 600)}" style="border:#d1d1d1 1px solid;padding:3px;" /></center>`,
    );
  }
  parts.push(`<p class="em_media">（文章来源：${source.name}）</p>`);
  // Some scraped bodies keep the feed's CRLF inside the HTML.
  const lineBreak = random.chance(0.1) ? '\r\n ' : '';
  return parts.join(lineBreak);
}

function createPost(random: Random, source: Source, ms: number, serial: number): CorpusFile {
  const rolling = source === ROLLING_SOURCE;
  const { day, time, compact } = getLocalParts(ms);
  const id = `${rolling ? '' : 'NW'}${compact}${pad(serial % 10_000_000_000, 10)}`;
  const dateLine = random.chance(0.3) ? `${day} ${time} +0800` : `${day} ${time}`;
  const title = createTitle(random);
  const front = [
    '---',
    'layout: post',
    `title: "${title}"`,
    `date: ${dateLine}`,
    `categories: ${source.slug}`,
    `tags: ${source.name}新闻`,
    '---',
  ].join('\n');
  const link = createSourceLink(random, id, rolling);
  const footer = createFooter(random, source, rolling);
  let body: string;
  if (!rolling) {
    body = `${createHtmlBody(random, source, id)}\n\n${link}\n\n${footer}`;
  } else if (random.chance(0.35)) {
    const digest = createParagraph(random, random.int(1, 3));
    body = `> ${digest}\n\n${createHtmlBody(random, source, id)}\n\n${link}\n\n${footer}`;
  } else {
    body = `\n${createParagraph(random, random.int(1, 5))}（${random.pick(['新华社', '央视新闻', '证券日报', '本报综合'])}）\n\n${link}${footer ? `\n\n${footer}` : ''}`;
  }
  return { path: `_posts/${day}-${id}.md`, content: `${front}\n${body}` };
}

export function createConfig(title: string, archiveDir?: string): string {
  return [
    `title: ${title}`,
    'description: 财经新闻存档',
    'lang: zh-CN',
    'timezone: Asia/Shanghai',
    `url: https://${CORPUS_HOST}`,
    'plugins:',
    '  - jekyll-feed',
    ...(archiveDir
      ? ['broadsheet:', `  archive: [${archiveDir}]`, `  former_hosts: [${CORPUS_OLD_HOST}]`]
      : []),
    '',
  ].join('\n');
}

/** Files that every archive of this size eventually holds one of. */
function createBrokenFiles(): CorpusFile[] {
  const post = (title: string, date: string, extra = '') =>
    `---\nlayout: post\ntitle: "${title}"\ndate: ${date}\ncategories: fnnews\ntags: 财讯滚动新闻\n${extra}---\n\n正文。\n`;
  return [
    { path: '_posts/2022-03-01-backup.md~', content: post('备份文件', '2022-03-01 09:00:00') },
    { path: '_posts/notes.txt', content: '整理笔记，不是文章。\n' },
    { path: '_posts/-202203010000000001.md', content: post('', ' +0800') },
    {
      path: '_posts/2022-03-01-bad-yaml.md',
      content: '---\ntitle: "未闭合\ndate: [2022\n---\n正文\n',
    },
    {
      path: '_posts/2022-03-01-bom.md',
      content: `\uFEFF\n${post('前有空行', '2022-03-01 10:00:00')}`,
    },
    {
      path: '_posts/2022-03-01-dup-a.md',
      content: post('重复一', '2022-03-01 11:00:00', 'permalink: /dup.html\n'),
    },
    {
      path: '_posts/2022-03-01-dup-b.md',
      content: post('重复二', '2022-03-01 11:00:00', 'permalink: /dup.html\n'),
    },
    { path: '_posts/2099-01-01-future.md', content: post('未来的文章', '2099-01-01 08:00:00') },
    {
      path: '_posts/2022-03-01-latin1.md',
      content: Uint8Array.from([...Buffer.from(post('编码', '2022-03-01 12:00:00')), 0xe9, 0x0a]),
    },
    {
      path: '_posts/2022-03-01-image.md',
      content: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    },
    {
      path: '_posts/2022-02-30-impossible.md',
      content: post('不存在的日期', '2022-02-30 08:00:00'),
    },
  ];
}

const DAY_MS = 86_400_000;

/** The posts with their instants, oldest first; the same seed gives the same sequence. */
function* createPosts(options: CorpusOptions): Generator<{ ms: number; file: CorpusFile }> {
  const random = createRandom(options.seed);
  const pickSource = createSourcePicker(random);
  // 08:00 in Shanghai is midnight UTC.
  let ms = Date.parse(`${options.start ?? DEFAULT_START}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new Error(`not a date: ${options.start}`);
  const maxGap = Math.max(1, Math.round((options.maxGapMinutes ?? 9) * 60));
  for (let serial = 0; serial < options.posts; serial++) {
    ms += random.int(Math.ceil(maxGap / 10), maxGap) * 1000;
    yield { ms, file: createPost(random, pickSource(), ms, serial + 1) };
  }
}

/** Every file of the site, config first, posts oldest first. */
export function* createCorpus(options: CorpusOptions): Generator<CorpusFile> {
  const { archiveDir } = options;
  yield {
    path: '_config.yml',
    content: createConfig(options.title ?? '金融消息 · 合成存档', archiveDir),
  };
  // Which posts are old depends on the newest one: a first pass finds it (the text has to be
  // made again, as the timeline and the text share one random sequence).
  let cutoff = -Infinity;
  if (archiveDir) {
    let newest = -Infinity;
    for (const post of createPosts(options)) newest = post.ms;
    cutoff = newest - (options.recentDays ?? 3) * DAY_MS;
  }
  for (const { ms, file } of createPosts(options)) {
    // The archive's scraper moves a post unchanged, under the same file name.
    yield archiveDir && ms < cutoff
      ? { ...file, path: file.path.replace(/^_posts\//, `${archiveDir}/`) }
      : file;
  }
  if (options.withBroken) yield* createBrokenFiles();
}
