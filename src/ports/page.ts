/** Which page of a list to read: the `pageIndex`th run of `pageSize` items. */
export interface Page {
  /** 1-based. */
  pageIndex: number;
  pageSize: number;
}

/** One page of a list, and how many items the whole list holds. */
export interface PageResult<T> {
  items: T[];
  totalCount: number;
}
