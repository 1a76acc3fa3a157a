/** What a list screen needs of a query: its rows once loaded, and how loading went. */
export interface ListQuery<Row> {
  data: readonly Row[] | undefined;
  isPending: boolean;
  error: unknown;
}
