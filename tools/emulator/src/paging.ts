// The Platform API's page shape. The provider dereferences pageCount and total whenever entities is
// non-empty, and some of its loops stop only on an empty page, so pageNumber must be honoured exactly.

export interface PageQuery {
  pageSize?: string | number;
  pageNumber?: string | number;
}

export function pageParams(
  query: PageQuery,
  defaultSize = 25,
  maxSize = 500,
): { pageSize: number; pageNumber: number } {
  const pageSize = Math.min(Math.max(Number(query.pageSize ?? defaultSize) || defaultSize, 1), maxSize);
  const pageNumber = Math.max(Number(query.pageNumber ?? 1) || 1, 1);
  return { pageSize, pageNumber };
}

export function page<T>(all: T[], query: PageQuery, baseUri: string, defaultSize = 25) {
  const { pageSize, pageNumber } = pageParams(query, defaultSize);
  const total = all.length;
  const pageCount = Math.ceil(total / pageSize);
  const entities = all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
  const uri = (n: number) => `${baseUri}?pageSize=${pageSize}&pageNumber=${n}`;
  return {
    entities,
    pageSize,
    pageNumber,
    total,
    pageCount,
    firstUri: uri(1),
    selfUri: uri(pageNumber),
    lastUri: uri(Math.max(pageCount, 1)),
    ...(pageNumber < pageCount ? { nextUri: uri(pageNumber + 1) } : {}),
    ...(pageNumber > 1 ? { previousUri: uri(pageNumber - 1) } : {}),
  };
}

/** Genesys name filters match case-insensitively on a part of the name; callers then match exactly. */
export function nameMatches(name: string, filter: unknown): boolean {
  return typeof filter !== 'string' || filter === '' || name.toLowerCase().includes(filter.toLowerCase());
}
