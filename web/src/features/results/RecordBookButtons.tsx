import { Button, Group, SegmentedControl } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../ui/notify.ts';
import { downloadRecordBook } from './api.ts';

/**
 * Downloads of the class record book (sổ theo dõi và đánh giá học sinh, TT22 appendix). The server lets the class's
 * homeroom teacher and the principal have it; anyone else gets the refusal as a notification. The book is printed
 * for term I only (closed at mid-year) or for the whole year.
 */
export function RecordBookButtons({ classId }: { classId: string }) {
  const { t } = useTranslation('results');
  const [term, setTerm] = useState<0 | 1>(0);
  return (
    <Group wrap="wrap" gap="xs">
      <SegmentedControl
        size="xs"
        aria-label={t('recordBookPeriod')}
        value={String(term)}
        onChange={(v) => setTerm(v === '1' ? 1 : 0)}
        data={[
          { value: '1', label: t('recordBookPeriod.1') },
          { value: '0', label: t('recordBookPeriod.0') },
        ]}
        data-testid="record-book-period"
      />
      <Button
        variant="light"
        leftSection={<IconFileTypePdf size={16} />}
        onClick={() => downloadRecordBook(classId, 'pdf', term).catch(notifyError)}
        data-testid="record-book-pdf"
      >
        {t('recordBookPdf')}
      </Button>
      <Button
        variant="light"
        leftSection={<IconFileSpreadsheet size={16} />}
        onClick={() => downloadRecordBook(classId, 'xlsx', term).catch(notifyError)}
        data-testid="record-book-xlsx"
      >
        {t('recordBookXlsx')}
      </Button>
    </Group>
  );
}
