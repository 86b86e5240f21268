import { Stack, type StackProps, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert.tsx';
import { ListPager } from './ListPager.tsx';
import { Loading } from './Loading.tsx';
import { PageHeader } from './PageHeader.tsx';

/** The parts of a TanStack query a list page shows. */
interface ListQuery<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
}

/**
 * The frame every list page shares: header, filters, then the list's error (with a retry), loading, table, empty
 * message and pager; `children` draws the table from the loaded data, `after` holds the page's drawers and modals.
 */
export function ListPage<T>({
  title,
  subtitle,
  actions,
  filters,
  list,
  isEmpty,
  empty,
  emptyReplacesTable = false,
  pager,
  gap = 'sm',
  after,
  children,
}: {
  /** Without a title the page draws no header (a list inside a tab of a page that has one). */
  title?: string;
  subtitle?: ReactNode;
  actions?: ReactNode;
  filters?: ReactNode;
  list: ListQuery<T>;
  isEmpty: (data: T) => boolean;
  /** Shown under the table's headers, or instead of the table when `emptyReplacesTable`. */
  empty: string;
  emptyReplacesTable?: boolean;
  pager?: {
    page: number;
    pageSize: number;
    total: (data: T) => number;
    onChange: (page: number) => void;
    centered?: boolean;
  };
  gap?: StackProps['gap'];
  after?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  const { data } = list;
  const blank = data !== undefined && isEmpty(data);
  return (
    <Stack gap={gap}>
      {title && <PageHeader title={title} subtitle={subtitle} actions={actions} />}
      {filters}
      {list.error != null && <ErrorAlert error={list.error} onRetry={() => list.refetch()} />}
      {list.isPending && <Loading />}
      {data !== undefined && (
        <>
          {!(blank && emptyReplacesTable) && children(data)}
          {blank && <Text c="dimmed">{empty}</Text>}
          {pager && (
            <ListPager
              page={pager.page}
              pageSize={pager.pageSize}
              total={pager.total(data)}
              onChange={pager.onChange}
              centered={pager.centered}
            />
          )}
        </>
      )}
      {after}
    </Stack>
  );
}
