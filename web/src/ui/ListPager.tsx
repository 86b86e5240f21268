import { Group, Pagination, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "1–50 / 612" and the page buttons under a paged list; nothing when the list is empty. `centered` draws only the
 * buttons, centred (the students list).
 */
export function ListPager({
  page,
  pageSize,
  total,
  onChange,
  centered = false,
}: {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
  centered?: boolean;
}) {
  const { t } = useTranslation('common');
  // The arrow buttons show only an icon: their names come from here (screen readers, axe "button-name").
  const controlLabel = {
    previous: t('pagePrevious'),
    next: t('pageNext'),
    first: t('pageFirst'),
    last: t('pageLast'),
  } as const;
  const getControlProps = (control: keyof typeof controlLabel) => ({ 'aria-label': controlLabel[control] });
  if (total === 0) return null;
  if (centered)
    return total > pageSize ? (
      <Group justify="center">
        <Pagination
          total={Math.ceil(total / pageSize)}
          value={page}
          onChange={onChange}
          size="sm"
          getControlProps={getControlProps}
        />
      </Group>
    ) : null;
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(page * pageSize, total);
  return (
    <Group justify="space-between" mt="sm" gap="xs">
      <Text size="sm" c="dimmed">
        {from}–{to} / {total}
      </Text>
      {total > pageSize && (
        <Pagination
          total={Math.ceil(total / pageSize)}
          value={page}
          onChange={onChange}
          size="sm"
          siblings={1}
          getControlProps={getControlProps}
        />
      )}
    </Group>
  );
}

/**
 * State of a paged, searchable list: the search box text, the debounced query sent to the API, and the page,
 * which goes back to 1 whenever the search or a filter (`resetting`) changes.
 */
export function usePagedSearch(delay = 300) {
  const [search, setSearchText] = useState('');
  const [q] = useDebouncedValue(search, delay);
  const [page, setPage] = useState(1);
  const resetting =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };
  return { search, setSearch: resetting(setSearchText), q, page, setPage, resetting };
}
