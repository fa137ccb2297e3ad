import { replace, type LoaderFunctionArgs } from 'react-router-dom';
import { paths, readCategorySegment } from '../../shared/paths';

/**
 * `/page/<n>/category/<slug>/` and `/page/<n>/tag/<name>/`: a list page's own file, for readers
 * without JavaScript (decision 027). The app keeps the page at `?page=n`, so it replaces the
 * address with that one; the list route then shows the page, or its usual view of a page number
 * it has no posts for. Anything but a whole number is page 1.
 */
export function createLoader() {
  return ({ params }: LoaderFunctionArgs) => {
    const raw = params.page ?? '';
    const number = Number(raw);
    const page = /^\d+$/.test(raw) && Number.isSafeInteger(number) ? number : null;
    const target =
      params.tag !== undefined
        ? paths.tag(params.tag, { page })
        : paths.category(readCategorySegment(params.name), { page });
    return replace(target);
  };
}

/** Never drawn: the loader always replaces the address. */
export function ListPageFileRoute() {
  return null;
}
