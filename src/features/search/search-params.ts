import type { SearchOrder, SearchRequest } from './api/search-engine';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Every choice of a search lives in the URL:
 * `/search?q=&category=&tag=&from=&to=&sort=&page=&all=1` (`all`: count in the whole archive).
 */
export function readSearchRequest(params: URLSearchParams): SearchRequest {
  const day = (name: string) => {
    const value = params.get(name) ?? '';
    return DAY.test(value) ? value : '';
  };
  const page = Number(params.get('page') ?? '1');
  const order: SearchOrder = params.get('sort') === 'relevance' ? 'relevance' : 'date';
  return {
    q: params.get('q') ?? '',
    whole: params.get('all') === '1',
    category: params.get('category') ?? '',
    tag: params.get('tag') ?? '',
    from: day('from'),
    to: day('to'),
    order,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** The URL query of a request; defaults (newest first, page 1, no narrowing) are left out. */
export function toSearchParams(request: SearchRequest): string {
  const params = new URLSearchParams();
  if (request.q) params.set('q', request.q);
  if (request.category) params.set('category', request.category);
  if (request.tag) params.set('tag', request.tag);
  if (request.from) params.set('from', request.from);
  if (request.to) params.set('to', request.to);
  if (request.order !== 'date') params.set('sort', request.order);
  if (request.page > 1) params.set('page', String(request.page));
  if (request.whole) params.set('all', '1');
  return params.toString();
}

/** The last day of a `YYYY-MM` month. */
export function getMonthEnd(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  const days = new Date(Date.UTC(year ?? 1970, monthNumber ?? 1, 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, '0')}`;
}
