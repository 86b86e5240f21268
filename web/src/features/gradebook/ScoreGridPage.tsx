import 'react-datasheet-grid/dist/style.css';
import {
  Alert,
  Button,
  Group,
  List,
  SegmentedControl,
  Stack,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type ComponentType, memo, useEffect, useMemo, useRef, useState } from 'react';
import { type Column, DataSheetGrid, keyColumn, textColumn } from 'react-datasheet-grid';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { EditConflict } from '#contracts/gradebook.ts';
import { formatScore, PASS_FAIL_SHORT_VI, type PassFail } from '#domain/grading/index.ts';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { notifyError, notifySaved } from '../../ui/notify.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { SaveBar } from '../../ui/SaveBar.tsx';
import { type Grid, useFetchFreshGrid, useGrid, useSaveGrid } from './api.ts';
import { ExemptionPanel } from './ExemptionPanel.tsx';
import classes from './gradebook.module.css';
import { LockBanner } from './LockBanner.tsx';
import {
  type CellKey,
  COLUMN_OF_KEY,
  conflictId,
  type EditableKey,
  makeupCells,
  makeupText,
  REGULAR_KEYS,
  rebase,
  type SheetRow,
  sheetOf,
  toSave,
  unsavedCellCount,
  withState,
} from './sheet.ts';

export default function ScoreGridPage() {
  const { classId = '', subjectCode = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const term = search.get('term') === '2' ? 2 : 1;
  const { t } = useTranslation('gradebook');
  const grid = useGrid(classId, subjectCode, term);
  return (
    <Stack>
      <SegmentedControl
        w="fit-content"
        value={String(term)}
        onChange={(value) => setSearch({ term: value })}
        data={[
          { value: '1', label: t('term1') },
          { value: '2', label: t('term2') },
        ]}
      />
      {grid.error && <ErrorAlert error={grid.error} onRetry={() => grid.refetch()} />}
      {grid.isPending && <Loading />}
      {grid.data && <ScoreSheet key={`${classId}-${subjectCode}-${term}`} grid={grid.data} />}
    </Stack>
  );
}

// biome-ignore lint/suspicious/noExplicitAny: the grid's own column type (cells of different kinds)
type SheetColumn = Partial<Column<SheetRow, any, any>>;

type CellProps = { rowData: SheetRow } & Record<string, unknown>;

/**
 * The grid's input wrapped in a <label> naming the student and the column ("Nguyễn An: Đánh giá thường xuyên 1"):
 * react-datasheet-grid renders bare inputs, which a screen reader announces as "edit text, blank" (axe: label).
 * The label takes no box of its own (display: contents), so the grid's layout is unchanged.
 */
function labelledCell(Inner: ComponentType<CellProps>, label: string): ComponentType<CellProps> {
  const Cell = (props: CellProps) => (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the grid's <input>, rendered inside by `Inner`.
    <label className={classes.cellLabel}>
      <VisuallyHidden>{`${props.rowData.fullName ?? ''}: ${label}`}</VisuallyHidden>
      <Inner {...props} />
    </label>
  );
  return memo(Cell);
}

/** A text cell bound to one field of the row (every cell is kept as typed and read by the domain rules). */
const textCell = (
  key: Exclude<keyof SheetRow, 'studentId'>,
  label: string,
  extra: SheetColumn,
): SheetColumn => {
  const base = keyColumn<SheetRow, 'r1'>(key as 'r1', textColumn) as SheetColumn;
  return {
    ...base,
    component: labelledCell(base.component as ComponentType<CellProps>, label) as SheetColumn['component'],
    id: key,
    ...extra,
  };
};

/**
 * A column title: the short label (TX1 on a phone, the Thông tư's ĐĐGtx1 on a wider screen) with the full name in a
 * tooltip (hover, or a tap on a phone) and for screen readers.
 */
function HeaderLabel({ label, full }: { label: string; full: string }) {
  return (
    <Tooltip label={full} events={{ hover: true, focus: false, touch: true }} multiline maw={240}>
      <span className={classes.header}>
        <span aria-hidden>{label}</span>
        <VisuallyHidden>{full}</VisuallyHidden>
      </span>
    </Tooltip>
  );
}

/** The sticky first column: the student's number and name (the grid's gutter, which stays put sideways). */
const NameCell = ({ rowData, rowIndex }: { rowData: SheetRow; rowIndex: number }) => (
  <span className={classes.name} title={rowData.fullName ?? undefined}>
    {rowIndex + 1}. {rowData.fullName}
  </span>
);

/** A stored value as the grid shows it (the "their value" of a conflict). */
function storedText(value: EditConflict['current'], kind: Grid['subject']['kind']): string {
  if (value === null || (Array.isArray(value) && value.length === 0)) return '—';
  if (Array.isArray(value)) return makeupText(value) ?? '—';
  if (typeof value === 'number') return formatScore(value);
  if (kind === 'comment') return PASS_FAIL_SHORT_VI[value as PassFail] ?? value;
  return value;
}

const KEY_OF_COLUMN = Object.fromEntries(Object.entries(COLUMN_OF_KEY).map(([k, c]) => [c, k])) as Record<
  string,
  EditableKey
>;

function ScoreSheet({ grid }: { grid: Grid }) {
  const { t } = useTranslation('gradebook');
  const phone = useMediaQuery('(max-width: 48em)', undefined, { getInitialValueInEffect: false });
  const kind = grid.subject.kind;
  const n = grid.regularCount;
  const [rows, setRows] = useState<SheetRow[]>(() => sheetOf(grid));
  // The grid as loaded: each save sends its cells as the base, so the server refuses to overwrite newer ones.
  const [loaded, setLoaded] = useState(grid);
  const [conflicts, setConflicts] = useState<EditConflict[]>([]);
  const [dirty, setDirty] = useState(false);
  const dirtyRef = useRef(false);
  dirtyRef.current = dirty;
  const save = useSaveGrid(grid.class.id, grid.subject.code, grid.term);
  const fetchFresh = useFetchFreshGrid(grid.class.id, grid.subject.code, grid.term);
  useEffect(() => {
    // A saved grid comes back from the server with the stored values and averages; unsaved typing is kept.
    if (!dirtyRef.current) {
      setRows(sheetOf(grid));
      setLoaded(grid);
    }
  }, [grid]);
  const conflictIds = useMemo(
    () => new Set(conflicts.map((c) => conflictId(c.studentId, c.column))),
    [conflicts],
  );
  const loadedRows = useMemo(() => new Map(sheetOf(loaded).map((r) => [r.studentId, r])), [loaded]);

  const readOnly = !grid.canEdit;
  // Built once per layout, not on every keystroke: the grid re-renders only the rows whose data changed.
  const columns = useMemo((): SheetColumn[] => {
    const cellClass =
      (key: CellKey) =>
      ({ rowData }: { rowData: SheetRow }) => {
        if (conflictIds.has(conflictId(rowData.studentId, COLUMN_OF_KEY[key]))) return classes.conflict;
        if (rowData.state.invalid.has(key)) return classes.invalid;
        if (rowData.state.missing.has(key)) return classes.missing;
        if (makeupCells(rowData).has(key)) return classes.makeup;
        return undefined;
      };
    const title = (short: string, long: string, full: string) => (
      <HeaderLabel label={phone ? short : long} full={full} />
    );
    return [
      ...REGULAR_KEYS.slice(0, n).map((key, i) =>
        textCell(key, t('regularFull', { n: i + 1 }), {
          title: title(
            t('regularShort', { n: i + 1 }),
            t('regular', { n: i + 1 }),
            t('regularFull', { n: i + 1 }),
          ),
          disabled: readOnly,
          minWidth: phone ? 52 : 64,
          cellClassName: cellClass(key),
        }),
      ),
      textCell('midterm', t('midtermFull'), {
        title: title(t('midtermShort'), t('midterm'), t('midtermFull')),
        disabled: readOnly,
        minWidth: phone ? 52 : 64,
        cellClassName: cellClass('midterm'),
      }),
      textCell('final', t('finalFull'), {
        title: title(t('finalShort'), t('final'), t('finalFull')),
        disabled: readOnly,
        minWidth: phone ? 52 : 64,
        cellClassName: cellClass('final'),
      }),
      {
        id: 'average',
        title:
          kind === 'score'
            ? title(t('average'), t('average'), t('averageFull'))
            : title(t('result'), t('result'), t('resultFull')),
        disabled: true,
        minWidth: 72,
        component: ({ rowData, rowIndex }: { rowData: SheetRow; rowIndex: number }) => (
          <span className={classes.average} data-testid={`average-${rowIndex}`}>
            {rowData.state.result}
          </span>
        ),
        copyValue: ({ rowData }: { rowData: SheetRow }) => rowData.state.result,
      },
      textCell('makeup', t('makeupFull'), {
        title: title(t('makeup'), t('makeup'), t('makeupFull')),
        disabled: readOnly,
        minWidth: 112,
      }),
      textCell('comment', t('commentFull'), {
        title: title(t('comment'), t('comment'), t('commentFull')),
        disabled: readOnly,
        minWidth: 200,
        grow: 2,
      }),
    ];
  }, [phone, n, kind, readOnly, conflictIds, t]);
  // The name stays put while the scores scroll sideways (the gutter column is sticky): narrower on a phone.
  const nameColumn = useMemo(
    () => ({
      title: <span className={classes.header}>{t('fullName')}</span>,
      component: NameCell,
      basis: phone ? 128 : 220,
      minWidth: phone ? 128 : 220,
    }),
    [phone, t],
  );

  const invalidCount = rows.reduce((sum, r) => sum + r.state.invalid.size, 0);
  const unsaved = dirty ? unsavedCellCount(rows, loadedRows) : 0;
  const fieldErrors = save.error instanceof ApiError ? Object.values(save.error.fields) : [];
  const saveRows = (toWrite: SheetRow[], base: Grid) => {
    const loadedRows = new Map(base.rows.map((r) => [r.studentId, r]));
    save.mutate(
      toWrite.map((r) => toSave(r, n, loadedRows.get(r.studentId))),
      {
        onSuccess: (result) => {
          setDirty(false);
          notifySaved(result.changedCells ? t('saved', { cells: result.changedCells }) : t('nothingChanged'));
        },
        onError: (error) => {
          const found =
            error instanceof ApiError ? (error.details as { conflicts?: EditConflict[] })?.conflicts : null;
          if (found?.length) setConflicts(found);
          else if (!(error instanceof ApiError && error.status === 400)) notifyError(error);
        },
      },
    );
  };
  const onSave = () => saveRows(rows, loaded);
  /** After a 409: take the stored values of the conflicting cells, or keep the typed ones and save over them. */
  const resolve = async (takeTheirs: boolean) => {
    const fresh = await fetchFresh();
    const next = rebase(rows, loaded, fresh, conflictIds, takeTheirs);
    setRows(next.rows);
    setLoaded(fresh);
    setConflicts([]);
    save.reset();
    setDirty(next.edited);
    if (!takeTheirs) saveRows(next.rows, fresh);
  };
  const yours = (c: EditConflict) => {
    const key = KEY_OF_COLUMN[c.column];
    const row = rows.find((r) => r.studentId === c.studentId);
    return (key && row?.[key]?.trim()) || '—';
  };
  const columnTitle = (column: string) =>
    column.startsWith('regular:') ? t('regular', { n: column.split(':')[1] }) : t(column);

  // Keyboard: Esc on a cell that is not being edited leaves the grid; the focus goes to the save button (or the bar
  // saying why there is nothing to save) instead of being lost at the top of the page.
  const saveBar = useRef<HTMLDivElement>(null);
  const saveButton = useRef<HTMLButtonElement>(null);
  const lastKey = useRef('');
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      lastKey.current = event.key;
    };
    const onPointer = () => {
      lastKey.current = '';
    };
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('pointerdown', onPointer, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('pointerdown', onPointer, true);
    };
  }, []);
  const onActiveCellChange = ({ cell }: { cell: unknown }) => {
    if (cell || lastKey.current !== 'Escape') return;
    const button = saveButton.current;
    (button && !button.disabled ? button : saveBar.current)?.focus();
  };

  return (
    <Stack gap="sm">
      <PageHeader
        title={t('gridTitle', { className: grid.class.name, subject: grid.subject.name })}
        subtitle={t('gridSubtitle', {
          year: grid.class.schoolYear,
          kind: kind === 'score' ? t('kindScore') : t('kindComment'),
          periods: grid.subject.periodsPerYear,
          teacher: grid.teacherName ?? '—',
        })}
      />
      <LockBanner
        lock={grid.lock}
        canManage={grid.canManage}
        target={{ classId: grid.class.id, kind: 'subject', subjectCode: grid.subject.code, term: grid.term }}
        title={t('unlockTitle', { className: grid.class.name, subject: grid.subject.name })}
      />
      {!grid.canEdit && grid.lock.open && <Alert color="blue">{t('readOnly')}</Alert>}
      {conflicts.length > 0 && save.error && (
        <Alert color="orange" title={save.error.message} data-testid="grid-conflicts">
          <List size="sm">
            {conflicts.map((c) => (
              <List.Item key={conflictId(c.studentId, c.column)}>
                {t('conflictItem', {
                  student: c.studentName,
                  column: columnTitle(c.column),
                  theirs: storedText(c.current, kind),
                  yours: yours(c),
                })}
              </List.Item>
            ))}
          </List>
          <Text size="xs" c="dimmed" mt="xs">
            {t('conflictHint')}
          </Text>
          <Group mt="sm">
            <Button size="xs" variant="light" onClick={() => void resolve(true)}>
              {t('takeTheirs')}
            </Button>
            <Button size="xs" color="orange" onClick={() => void resolve(false)} loading={save.isPending}>
              {t('keepMine')}
            </Button>
          </Group>
        </Alert>
      )}
      {save.error && conflicts.length === 0 && (
        <Alert color="red" title={save.error.message} data-testid="grid-errors">
          <List size="sm">
            {fieldErrors.slice(0, 30).map((m) => (
              <List.Item key={m}>{m}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <ExemptionPanel grid={grid} />
      <Text size="xs" c="dimmed">
        {t('missingLegend')} {t('makeupHint')}
      </Text>
      {grid.canEdit && !phone && (
        <Text size="xs" c="dimmed">
          {t('keyboardHint')}
        </Text>
      )}
      <div data-testid="score-grid" className={classes.sheet}>
        <DataSheetGrid<SheetRow>
          value={rows}
          onChange={(next) => {
            // Only the edited rows are new objects: the others keep their state (and are not re-rendered).
            setRows(next.map((r, i) => (r === rows[i] ? r : withState(r, kind, n))));
            setDirty(true);
          }}
          columns={columns}
          gutterColumn={nameColumn}
          lockRows
          rowKey="studentId"
          height={Math.min(640, 40 * (rows.length + 1) + 2)}
          addRowsComponent={false}
          disableContextMenu
          onActiveCellChange={onActiveCellChange}
        />
      </div>
      {grid.canEdit && (
        <SaveBar
          status={t('unsavedCells', { count: unsaved })}
          reason={
            invalidCount > 0
              ? t('invalidCells', { count: invalidCount })
              : unsaved === 0
                ? t('nothingToSave')
                : null
          }
          label={t('save')}
          onSave={onSave}
          loading={save.isPending}
          testId="save-grid"
          barRef={saveBar}
          buttonRef={saveButton}
        />
      )}
    </Stack>
  );
}
