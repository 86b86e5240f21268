/**
 * Vietnamese wording for catalogue problems. Messages name the group, criterion and field in the words a
 * province officer uses ("Nhóm II, tiêu chí II.3: …") so they can fix the spreadsheet without reading JSON paths.
 */

export type IssuePath = readonly (string | number)[];

const FIELD_LABELS: Record<string, string> = {
  code: 'mã bộ tiêu chí',
  version: 'phiên bản',
  title: 'tên',
  subjectKind: 'đối tượng đánh giá',
  source: 'căn cứ',
  kind: 'loại tiêu chí',
  id: 'mã',
  maxPoints: 'điểm tối đa',
  groups: 'danh sách nhóm tiêu chí',
  items: 'danh sách tiêu chí',
  subItems: 'danh sách nội dung thành phần',
  capSubItemSum: 'cho phép tổng nội dung thành phần vượt điểm tối đa',
  ratioBands: 'thang quy đổi tỷ lệ',
  countBands: 'thang quy đổi số lượng',
  minRatio: 'tỷ lệ tối thiểu',
  minCount: 'số lượng tối thiểu',
  points: 'điểm',
  evidence: 'minh chứng',
  metricId: 'mã chỉ số đo',
  label: 'nhãn',
  status: 'trạng thái',
  note: 'ghi chú',
  levelThresholds: 'ngưỡng mức',
  unitLevelThresholds: 'ngưỡng mức của đơn vị',
  level: 'mức',
  minTotal: 'điểm ngưỡng',
  inclusive: 'cách so sánh ngưỡng',
  levelLabels: 'nhãn mức',
  settings: 'cài đặt',
  combineRule: 'cách tổng hợp mức của đơn vị',
  capGroupOnUnmetMandatory: 'giới hạn mức khi chưa đạt điều kiện bắt buộc',
};

const TYPE_LABELS: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  boolean: 'đúng/sai',
  array: 'danh sách',
  object: 'đối tượng',
};

export function fieldLabel(key: string | number | undefined): string {
  if (key === undefined) return 'dữ liệu';
  if (typeof key === 'number') return `phần tử thứ ${key + 1}`;
  return FIELD_LABELS[key] ?? key;
}

export function typeLabel(type: string): string {
  return TYPE_LABELS[type] ?? type;
}

/** Formats a number the Vietnamese way (decimal comma), without float noise: 3.5 → "3,5". */
export function formatNumber(value: number): string {
  return String(Math.round(value * 10_000) / 10_000).replace('.', ',');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function child(value: unknown, key: string | number): unknown {
  if (typeof key === 'number') return Array.isArray(value) ? value[key] : undefined;
  return isRecord(value) ? value[key] : undefined;
}

/** The value found at `path` inside `root`, or undefined when the path leaves the data. */
export function valueAt(root: unknown, path: IssuePath): unknown {
  let current = root;
  for (const key of path) current = child(current, key);
  return current;
}

function idOf(value: unknown): string | undefined {
  const id = child(value, 'id');
  return typeof id === 'string' && id.trim() !== '' ? id.trim() : undefined;
}

const CONTAINERS: Record<string, (id: string | undefined, index: number) => string> = {
  groups: (id, index) => (id ? `Nhóm ${id}` : `Nhóm thứ ${index + 1}`),
  items: (id, index) => (id ? `tiêu chí ${id}` : `tiêu chí thứ ${index + 1}`),
  subItems: (id, index) => (id ? `nội dung ${id}` : `nội dung thứ ${index + 1}`),
  ratioBands: (_id, index) => `thang quy đổi tỷ lệ, bậc ${index + 1}`,
  countBands: (_id, index) => `thang quy đổi số lượng, bậc ${index + 1}`,
  levelThresholds: (_id, index) => `ngưỡng mức thứ ${index + 1}`,
  unitLevelThresholds: (_id, index) => `ngưỡng mức của đơn vị thứ ${index + 1}`,
  evidence: (_id, index) => `minh chứng thứ ${index + 1}`,
  levelLabels: (_id, index) => `nhãn mức thứ ${index + 1}`,
};

/**
 * "Nhóm II, tiêu chí II.3, nội dung II.3.2" for a path into the catalogue, using the ids found in the input
 * (positions when an id is missing). Returns "Bộ tiêu chí" for the catalogue itself.
 */
export function describeLocation(root: unknown, path: IssuePath): string {
  const parts: string[] = [];
  let current = root;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const next = path[i + 1];
    if (key === undefined) break;
    if (key === 'settings') parts.push('Cài đặt');
    const container = typeof key === 'string' ? CONTAINERS[key] : undefined;
    if (container && typeof next === 'number') {
      const element = child(child(current, key), next);
      parts.push(container(idOf(element), next));
      current = element;
      i++;
      continue;
    }
    current = child(current, key);
  }
  return parts.length === 0 ? 'Bộ tiêu chí' : parts.join(', ');
}

/** The field a path ends on, skipping a trailing array index ("levelThresholds.0" → its container). */
export function leafField(path: IssuePath): string | number | undefined {
  const last = path[path.length - 1];
  if (typeof last === 'number') {
    const parent = path[path.length - 2];
    return parent !== undefined && CONTAINERS[String(parent)] ? undefined : last;
  }
  return last;
}

export function quote(value: unknown): string {
  if (typeof value === 'string') return `«${value}»`;
  if (typeof value === 'number') return `«${formatNumber(value)}»`;
  return `«${JSON.stringify(value) ?? String(value)}»`;
}
