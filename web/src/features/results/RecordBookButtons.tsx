import { Button, Group } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../ui/notify.ts';
import { downloadRecordBook } from './api.ts';

/**
 * Downloads of the class record book (sổ theo dõi và đánh giá học sinh, TT22 appendix). The server lets the class's
 * homeroom teacher and the principal have it; anyone else gets the refusal as a notification.
 */
export function RecordBookButtons({ classId }: { classId: string }) {
  const { t } = useTranslation('results');
  return (
    <Group wrap="wrap" gap="xs">
      <Button
        variant="light"
        leftSection={<IconFileTypePdf size={16} />}
        onClick={() => downloadRecordBook(classId, 'pdf').catch(notifyError)}
        data-testid="record-book-pdf"
      >
        {t('recordBookPdf')}
      </Button>
      <Button
        variant="light"
        leftSection={<IconFileSpreadsheet size={16} />}
        onClick={() => downloadRecordBook(classId, 'xlsx').catch(notifyError)}
        data-testid="record-book-xlsx"
      >
        {t('recordBookXlsx')}
      </Button>
    </Group>
  );
}
