import { Button } from '@mantine/core';
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Permission } from '#contracts/roles.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { notifyError } from '../../ui/notify.ts';
import { downloadExport, type ListKind } from './api.ts';

/**
 * "Xuất Excel" and "Nhập từ Excel" for a list page; the import only for those who may run imports of this kind
 * (`imports.run`, or the kind's own permission such as `gradebook.manage` for teaching assignments).
 */
export function ExcelButtons({
  kind,
  importPermission = 'imports.run',
}: {
  kind: ListKind;
  importPermission?: Permission;
}) {
  const { t } = useTranslation('imports');
  const { unitId, can, isSchool } = useWorkspace();
  const [exporting, setExporting] = useState(false);
  const exportList = async () => {
    setExporting(true);
    try {
      await downloadExport(kind, unitId);
    } catch (error) {
      notifyError(error);
    } finally {
      setExporting(false);
    }
  };
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconFileSpreadsheet size={16} />}
        loading={exporting}
        onClick={exportList}
        data-testid={`export-${kind}`}
      >
        {t('exportExcel')}
      </Button>
      {isSchool && can(importPermission) && (
        <Button
          variant="default"
          component={Link}
          to={`/imports?kind=${kind}`}
          leftSection={<IconUpload size={16} />}
          data-testid={`import-${kind}`}
        >
          {t('importExcel')}
        </Button>
      )}
    </>
  );
}
