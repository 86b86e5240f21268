import { Group, Pagination, Text } from '@mantine/core';

/** "1–50 / 612" and the page buttons under a paged list; nothing when the list is empty. */
export function ListPager({
  page,
  pageSize,
  total,
  onChange,
}: {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}) {
  if (total === 0) return null;
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
        />
      )}
    </Group>
  );
}
