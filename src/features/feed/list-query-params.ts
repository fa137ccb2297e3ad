import type { ListQuery } from '../../shared/paths';

/** A list view's filters and page as read from the URL; anything malformed is dropped, not an error. */
export type ListParams = {
  tags: string[];
  from: string;
  to: string;
  page: number;
  /** Only posts the reader has not read. */
  unread: boolean;
  /** Only posts in this language (`en`, `zh-CN`); empty for every language. */
  lang: string;
};

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
/** A language tag as sites write it (`en`, `zh-CN`, `pt-BR`), nothing longer or stranger. */
const langPattern = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,2}$/;

export function readListParams(search: URLSearchParams): ListParams {
  const tags = [...new Set(search.getAll('tag').filter((tag) => tag.trim() !== ''))];
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  const page = Number(search.get('page') ?? '1');
  return {
    tags,
    from: dayPattern.test(from) ? from : '',
    to: dayPattern.test(to) ? to : '',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    unread: search.get('unread') === '1',
    lang: langPattern.test(search.get('lang') ?? '') ? (search.get('lang') ?? '') : '',
  };
}

export function isFiltered(params: ListParams): boolean {
  return params.tags.length > 0 || params.from !== '' || params.to !== '' || params.lang !== '';
}

export function toListQuery(params: ListParams): ListQuery {
  return {
    tags: params.tags,
    from: params.from,
    to: params.to,
    page: params.page,
    unread: params.unread,
    lang: params.lang,
  };
}
