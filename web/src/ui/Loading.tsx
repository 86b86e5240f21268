import { Center, Loader } from '@mantine/core';

export function Loading() {
  return (
    <Center py="xl" aria-busy="true">
      <Loader size="sm" />
    </Center>
  );
}
