import type { CountBand, EvidenceSpec, LevelThreshold, RatioBand, RowStatus } from './schema.ts';

/**
 * The text grammar of the spreadsheet cells that hold more than one value. Province officers type these by
 * hand, so the parser accepts Vietnamese decimal commas, "≥" and Vietnamese keywords; the writer always emits
 * the canonical form shown in the comments.
 */

export type Cell = string | number | null | undefined;
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ENTRY_SEPARATOR = /[;\n|]+/;

export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  return String(cell).trim();
}

/** "6", "6,5", "6.5" or a number cell → number; '' → undefined. */
export function parseNumber(cell: Cell): Parsed<number | undefined> {
  if (typeof cell === 'number')
    return Number.isFinite(cell) ? { ok: true, value: cell } : { ok: false, message: 'không phải là số' };
  const text = cellText(cell).replace(/\s+/g, '');
  if (text === '') return { ok: true, value: undefined };
  if (!/^-?\d+([.,]\d+)?$/.test(text)) return { ok: false, message: `«${text}» không phải là số` };
  return { ok: true, value: Number(text.replace(',', '.')) };
}

const KIND_ALIASES: Record<string, 'mandatory' | 'scored'> = {
  mandatory: 'mandatory',
  'bắt buộc': 'mandatory',
  'điều kiện bắt buộc': 'mandatory',
  scored: 'scored',
  'tính điểm': 'scored',
  điểm: 'scored',
};

export function parseKind(cell: Cell): Parsed<'mandatory' | 'scored' | undefined> {
  const text = cellText(cell).toLowerCase();
  if (text === '') return { ok: true, value: undefined };
  const kind = KIND_ALIASES[text];
  if (kind) return { ok: true, value: kind };
  return {
    ok: false,
    message: `loại tiêu chí «${cellText(cell)}» không hợp lệ; dùng mandatory (điều kiện bắt buộc) hoặc scored (tính điểm)`,
  };
}

const STATUS_ALIASES: Record<string, RowStatus> = {
  confirmed: 'confirmed',
  'đã xác nhận': 'confirmed',
  to_verify: 'to_verify',
  'cần kiểm tra': 'to_verify',
  'cần xác minh': 'to_verify',
};

export function parseStatus(cell: Cell): Parsed<RowStatus | undefined> {
  const text = cellText(cell).toLowerCase();
  if (text === '') return { ok: true, value: undefined };
  const status = STATUS_ALIASES[text];
  if (status) return { ok: true, value: status };
  return { ok: false, message: `trạng thái «${cellText(cell)}» không hợp lệ; dùng confirmed hoặc to_verify` };
}

/** "x", "có", "yes", "true", "1" → true; empty, "không", "no", "false", "0" → false. */
export function parseFlag(cell: Cell): Parsed<boolean> {
  const text = cellText(cell).toLowerCase();
  if (['x', 'có', 'yes', 'true', '1'].includes(text)) return { ok: true, value: true };
  if (['', 'không', 'no', 'false', '0'].includes(text)) return { ok: true, value: false };
  return { ok: false, message: `«${cellText(cell)}» không hợp lệ; ghi x (có) hoặc để trống` };
}

function toNumber(text: string): number | undefined {
  const normalised = text.trim().replace(',', '.');
  return /^\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : undefined;
}

/** Canonical number text without float noise (0.57 * 100 → "57"). */
function plain(value: number): string {
  return String(Number(value.toFixed(6)));
}

type Bands = { ratioBands?: RatioBand[]; countBands?: CountBand[] } | undefined;

/**
 * Bands cell: `ratio >=80%:10; >=50%:5` (share ≥ 80 % → 10 points…) or `count >=20:6; >=10:4`.
 * "tỷ lệ" / "số lượng" work as keywords; a share without "%" is read as a fraction when ≤ 1, else as a percent.
 */
export function parseBands(cell: Cell): Parsed<Bands> {
  const text = cellText(cell);
  if (text === '') return { ok: true, value: undefined };
  const match = /^(ratio|count|tỷ lệ|tỉ lệ|số lượng)\s*:?\s*(.*)$/is.exec(text);
  if (!match)
    return {
      ok: false,
      message: `thang quy đổi «${text}» phải bắt đầu bằng ratio (tỷ lệ) hoặc count (số lượng)`,
    };
  const isRatio = !/^(count|số lượng)$/i.test(match[1] ?? '');
  const entries = (match[2] ?? '')
    .split(ENTRY_SEPARATOR)
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return { ok: false, message: 'thang quy đổi chưa có bậc nào' };
  const ratioBands: RatioBand[] = [];
  const countBands: CountBand[] = [];
  for (const entry of entries) {
    const parts = /^(?:>=|≥)?\s*([\d.,]+)\s*(%?)\s*[:=→]\s*([\d.,]+)$/.exec(entry);
    const threshold = parts ? toNumber(parts[1] ?? '') : undefined;
    const points = parts ? toNumber(parts[3] ?? '') : undefined;
    if (!parts || threshold === undefined || points === undefined) {
      const example = isRatio ? '>=80%:10' : '>=20:6';
      return { ok: false, message: `bậc «${entry}» không đúng dạng, ví dụ ${example}` };
    }
    if (isRatio) {
      const minRatio = parts[2] === '%' || threshold > 1 ? threshold / 100 : threshold;
      ratioBands.push({ minRatio: Number(minRatio.toFixed(8)), points });
    } else {
      countBands.push({ minCount: threshold, points });
    }
  }
  return { ok: true, value: isRatio ? { ratioBands } : { countBands } };
}

export function formatBands(owner: {
  ratioBands?: RatioBand[] | undefined;
  countBands?: CountBand[] | undefined;
}): string | null {
  if (owner.ratioBands) {
    return `ratio ${owner.ratioBands.map((band) => `>=${plain(band.minRatio * 100)}%:${plain(band.points)}`).join('; ')}`;
  }
  if (owner.countBands) {
    return `count ${owner.countBands.map((band) => `>=${band.minCount}:${plain(band.points)}`).join('; ')}`;
  }
  return null;
}

/** Levels cell: `>=50:2; >75:3` — "≥ 50 gives Mức 2, above 75 gives Mức 3" (no operator means ≥). */
export function parseLevels(cell: Cell): Parsed<LevelThreshold[] | undefined> {
  const text = cellText(cell);
  if (text === '') return { ok: true, value: undefined };
  const thresholds: LevelThreshold[] = [];
  for (const entry of text
    .split(ENTRY_SEPARATOR)
    .map((part) => part.trim())
    .filter(Boolean)) {
    const parts = /^(>=|≥|>)?\s*([\d.,]+)\s*[:=→]\s*(?:mức\s*)?(\d+)$/i.exec(entry);
    const minTotal = parts ? toNumber(parts[2] ?? '') : undefined;
    if (!parts || minTotal === undefined)
      return { ok: false, message: `ngưỡng «${entry}» không đúng dạng, ví dụ >=50:2; >75:3` };
    thresholds.push({ level: Number(parts[3]), minTotal, inclusive: parts[1] !== '>' });
  }
  return { ok: true, value: thresholds };
}

export function formatLevels(thresholds: LevelThreshold[] | undefined): string | null {
  if (!thresholds) return null;
  return thresholds.map((t) => `${t.inclusive ? '>=' : '>'}${plain(t.minTotal)}:${t.level}`).join('; ');
}

const EVIDENCE_ALIASES: Record<string, EvidenceSpec['kind']> = {
  file: 'file',
  tệp: 'file',
  link: 'link',
  'liên kết': 'link',
  text: 'text',
  'văn bản': 'text',
  metric: 'metric',
  'chỉ số': 'metric',
};

/** Evidence cell: `file=Kế hoạch; link; metric:staff_active_accounts` (label after "=", optional). */
export function parseEvidence(cell: Cell): Parsed<EvidenceSpec[]> {
  const evidence: EvidenceSpec[] = [];
  for (const entry of cellText(cell)
    .split(ENTRY_SEPARATOR)
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [head = '', ...labelParts] = entry.split('=');
    const label = labelParts.join('=').trim() || undefined;
    const [kindText = '', ...metricParts] = head.split(':');
    const kind = EVIDENCE_ALIASES[kindText.trim().toLowerCase()];
    const metricId = metricParts.join(':').trim();
    if (!kind)
      return {
        ok: false,
        message: `loại minh chứng «${kindText.trim()}» không hợp lệ; dùng file, link, text hoặc metric:<mã chỉ số>`,
      };
    if (kind === 'metric') {
      if (!metricId)
        return { ok: false, message: 'minh chứng metric cần mã chỉ số, ví dụ metric:staff_active_accounts' };
      evidence.push(label ? { kind, metricId, label } : { kind, metricId });
    } else {
      evidence.push(label ? { kind, label } : { kind });
    }
  }
  return { ok: true, value: evidence };
}

export function formatEvidence(evidence: readonly EvidenceSpec[]): string | null {
  if (evidence.length === 0) return null;
  return evidence
    .map((spec) => {
      const head = spec.kind === 'metric' ? `metric:${spec.metricId}` : spec.kind;
      return spec.label ? `${head}=${spec.label}` : head;
    })
    .join('; ');
}
