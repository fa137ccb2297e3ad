/**
 * Where data files are fetched from. In the app it is the deployed base (`import.meta.env.BASE_URL`);
 * tests point it at a real local server holding a fixture bundle.
 */
let dataBase: string = import.meta.env.BASE_URL;

/** Set the origin/base the `data/…` paths are resolved against; must end with `/`. */
export function setDataBase(base: string): void {
  dataBase = base.endsWith('/') ? base : `${base}/`;
}

/** Absolute or base-relative address of a `data/…` path from src/shared/paths.ts. */
export function getDataUrl(path: string): string {
  return `${dataBase}${path.replace(/^\/+/, '')}`;
}

/** Address of a file the build writes beside the app (a feed: `/feed.xml`), under the deployed base. */
export function getSiteFileUrl(path: string): string {
  return `${import.meta.env.BASE_URL.replace(/\/+$/, '')}${path}`;
}
