import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  AUDIT_ACTION_LABEL_VI,
  AUDIT_AREA_ENTITIES,
  AUDIT_AREA_LABEL_VI,
  AUDIT_AREAS,
  AUDIT_ENTITIES,
  AUDIT_ENTITY_LABEL_VI,
} from '#contracts/audit-labels.ts';
import { auditValueWords, describeAuditChange } from '#contracts/audit-words.ts';

// The types already refuse an audit call with an unnamed entity or action; this scan also covers what the types
// cannot see: SQL that inserts into audit_log (migrations, the demo seed) and any literal cast past the types.

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function sourceFiles(): string[] {
  return fs
    .readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter(
      (f) =>
        f.endsWith('.ts') &&
        !f.endsWith('.test.ts') &&
        !f.startsWith('contracts') &&
        !f.startsWith('features/audit/'),
    )
    .map((f) => path.join(SRC, f));
}

/**
 * Whether the `action:` at `index` belongs to a write that is not the audit log: the personal-data access log (its
 * actions are a CHECKed enum with their own labels) or a DX assessment's history (assessment_events).
 */
function writesElsewhere(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 400), index);
  const markers = [
    ...before.matchAll(
      /logPersonalDataAccess\(|insertInto\('(?!audit_log)[a-z_]+'\)|\baudit(?:Many|Cells)?\(|transition\(/g,
    ),
  ];
  const last = markers.at(-1)?.[0] ?? '';
  return last.startsWith('logPersonalDataAccess') || last.startsWith('insertInto');
}

/** Every entity and action literal the server writes to the audit log, with the file that writes it. */
function writtenLiterals(): { entities: Map<string, string>; actions: Map<string, string> } {
  const entities = new Map<string, string>();
  const actions = new Map<string, string>();
  for (const file of sourceFiles()) {
    const text = fs.readFileSync(file, 'utf8');
    const where = path.relative(SRC, file);
    const writesAudit = /\baudit(Many|Cells)?\(|\btransition\(|recordEvent\(|CellAudit|AuditEntry/.test(text);
    if (writesAudit && !where.startsWith('platform/audit/audit.ts')) {
      for (const m of text.matchAll(/\bentity: '([a-z_]+)'/g)) entities.set(m[1] as string, where);
      // `action: cond ? 'a' : 'b'` names two actions; `action: 'a'` one.
      for (const m of text.matchAll(/\b(?:action:|const action =)\s*([^,;\n}]+(?:\n\s*[?:][^,;\n}]+)*)/g)) {
        if (writesElsewhere(text, m.index)) continue;
        for (const lit of (m[1] as string).matchAll(/'([a-z_]+)'/g)) actions.set(lit[1] as string, where);
      }
    }
    // SQL: insert into audit_log (unit_id, entity, entity_id, action, …) values/select (…, 'entity', …, 'action'
    for (const m of text.matchAll(
      /insert into audit_log[^`]*?(?:values|select)\s*\(?\s*[\w.]+,\s*'([a-z_]+)',\s*[^,]+,\s*'([a-z_]+)'/gi,
    )) {
      entities.set(m[1] as string, where);
      actions.set(m[2] as string, where);
    }
    for (const m of text.matchAll(
      /\.insertInto\('audit_log'\)[\s\S]{0,400}?entity: '([a-z_]+)'[\s\S]{0,200}?action: '([a-z_]+)'/g,
    )) {
      entities.set(m[1] as string, where);
      actions.set(m[2] as string, where);
    }
  }
  return { entities, actions };
}

describe('nhãn tiếng Việt của nhật ký thay đổi', () => {
  const { entities, actions } = writtenLiterals();

  it('mọi đối tượng mà máy chủ ghi vào nhật ký đều có nhãn tiếng Việt', () => {
    // The scan must find the writers it is meant to check, or it would pass on nothing.
    expect(entities.size).toBeGreaterThan(25);
    for (const known of ['subject_score', 'attendance', 'conduct', 'results', 'demo_data']) {
      expect(entities.has(known), known).toBe(true);
    }
    const missing = [...entities].filter(([entity]) => !(entity in AUDIT_ENTITY_LABEL_VI));
    expect(missing).toEqual([]);
  });

  it('mọi thao tác mà máy chủ ghi vào nhật ký đều có nhãn tiếng Việt', () => {
    expect(actions.size).toBeGreaterThan(40);
    for (const known of [
      'returned',
      'sign_homeroom',
      'login_name_migrated',
      'reopen_finished_year',
      'lock',
    ]) {
      expect(actions.has(known), known).toBe(true);
    }
    const missing = [...actions].filter(([action]) => !(action in AUDIT_ACTION_LABEL_VI));
    expect(missing).toEqual([]);
    // results/close.ts writes `close_${scope}`: one label per scope of the close.
    for (const scope of ['term1', 'term2', 'year'])
      expect(AUDIT_ACTION_LABEL_VI).toHaveProperty(`close_${scope}`);
  });

  it('mỗi đối tượng thuộc đúng một lĩnh vực lọc, mỗi lĩnh vực có tên', () => {
    const inAreas = AUDIT_AREAS.flatMap((area) => AUDIT_AREA_ENTITIES[area] as readonly string[]);
    expect([...inAreas].sort()).toEqual([...AUDIT_ENTITIES].sort());
    for (const area of AUDIT_AREAS) expect(AUDIT_AREA_LABEL_VI[area]).toBeTruthy();
  });
});

describe('trước → sau bằng lời', () => {
  it('ô điểm: tên cột theo sổ, điểm thập phân có dấu phẩy, học kì bằng chữ', () => {
    const context = {
      classId: '6f1c8a0e-0000-4000-8000-000000000001',
      subjectCode: 'math',
      term: 1,
      schoolYear: '2025-2026',
    };
    const words = describeAuditChange(
      'subject_score',
      { ...context, column: 'regular:2', value: 6.5 },
      { ...context, column: 'regular:2', value: 7.5 },
    );
    expect(words).toEqual({
      context: 'Môn Toán · Học kì I · năm học 2025-2026',
      changes: [{ field: 'regular:2', label: 'ĐĐGtx 2', before: '6,5', after: '7,5' }],
    });
  });

  it('điểm danh và rèn luyện: giá trị bằng nhãn, ngày dd/mm/yyyy', () => {
    const at = { classId: 'x', date: '2026-12-07', session: 'morning' };
    expect(
      describeAuditChange('attendance', { ...at, value: 'present' }, { ...at, value: 'excused' }),
    ).toEqual({
      context: 'Buổi sáng · 07/12/2026',
      changes: [{ field: 'value', label: 'Điểm danh', before: 'Có mặt', after: 'Vắng có phép' }],
    });
    const term = { classId: 'x', term: 2, schoolYear: '2025-2026' };
    const conduct = describeAuditChange(
      'conduct',
      { ...term, level: null, comment: null },
      { ...term, level: 'good', comment: null },
    );
    expect(conduct.changes).toEqual([{ field: 'level', label: 'Mức', before: '(trống)', after: 'Khá' }]);
  });

  it('bản ghi khác: tên trường tiếng Việt, không in mã nội bộ, trạng thái theo đối tượng', () => {
    const words = describeAuditChange(
      'assessment',
      { status: 'submitted' },
      { status: 'returned', comment: 'Thiếu minh chứng', unitId: 'abc' },
    );
    expect(words.changes).toEqual([
      { field: 'status', label: 'Trạng thái', before: 'Đã nộp', after: 'Bị trả lại' },
      { field: 'comment', label: 'Nhận xét', before: null, after: 'Thiếu minh chứng' },
    ]);
    const close = describeAuditChange('results', null, {
      schoolYear: '2025-2026',
      classes: 1,
      classified: 2,
    });
    expect(close.changes.map((c) => `${c.label}: ${c.after}`)).toEqual([
      'Năm học: 2025-2026',
      'Số lớp: 1',
      'Số học sinh được xếp loại: 2',
    ]);
    expect(auditValueWords('2026-01-31', 'birthDate')).toBe('31/01/2026');
    expect(auditValueWords(true, 'locked')).toBe('Có');
    expect(auditValueWords('teacher', 'position')).toBe('Giáo viên');
  });
});
