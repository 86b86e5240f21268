import { Worker } from 'node:worker_threads';
import type { SheetData, WorkerReply, WorkerRequest } from './spreadsheet-worker.ts';
import {
  checkSpreadsheet,
  formatCount,
  type RowLimit,
  tooLarge,
  tooManyRows,
  unreadableZip,
  XLSX_EXPECTED,
} from './upload-limits.ts';

export type { SheetCell, SheetData, SheetRow, TooLongCell } from './spreadsheet-worker.ts';
export { isTooLong } from './spreadsheet-worker.ts';

/**
 * Reads an uploaded .xlsx without letting it take the server down: the zip is checked first (upload-limits.ts, no
 * inflation), then parsed in a worker thread whose heap is capped and whose time is limited. A file that still
 * exhausts either ends that thread only, and the caller gets a 413 naming the limit.
 */
export const PARSE_LIMITS = {
  /** Heap of the parsing thread; a 5,000-row sheet needs ~60 MB. */
  maxOldGenerationSizeMb: 256,
  maxYoungGenerationSizeMb: 32,
  timeoutMs: 30_000,
  /** Parses at once; the others wait, so that uploads together cannot take more than 2 × 256 MB. */
  concurrent: 2,
};

/** Columns read from each row; the templates have at most ~25. */
const MAX_COLUMNS = 100;

export interface SpreadsheetOptions {
  rowLimit: RowLimit;
  /** A longer cell comes back as `{ tooLong }` for the caller to report on its row. */
  maxCellChars: number;
  /** Sheets whose rows are not needed (instructions, lists). */
  skipSheets?: string[];
  /** What the message asks for when the file is not a workbook. */
  expected?: string;
}

const WORKER_URL = new URL('./spreadsheet-worker.mjs', import.meta.url);

let running = 0;
const waiting: (() => void)[] = [];

async function withParseSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= PARSE_LIMITS.concurrent) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

type Outcome = WorkerReply | { ok: false; error: 'out_of_memory' | 'timeout' };

function parseInWorker(request: WorkerRequest): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, {
      workerData: request,
      resourceLimits: {
        maxOldGenerationSizeMb: PARSE_LIMITS.maxOldGenerationSizeMb,
        maxYoungGenerationSizeMb: PARSE_LIMITS.maxYoungGenerationSizeMb,
      },
    });
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      finish();
    };
    const timer = setTimeout(
      () => settle(() => resolve({ ok: false, error: 'timeout' })),
      PARSE_LIMITS.timeoutMs,
    );
    worker.once('message', (reply: WorkerReply) => settle(() => resolve(reply)));
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() =>
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? resolve({ ok: false, error: 'out_of_memory' })
          : reject(error),
      ),
    );
    worker.once('exit', (code) =>
      settle(() => reject(new Error(`spreadsheet worker exited with code ${code} before answering`))),
    );
  });
}

/** The sheets of an uploaded workbook (the skipped ones left out), or an AppError naming the limit it passed. */
export async function readSpreadsheet(
  file: { fileName: string; content: Buffer },
  options: SpreadsheetOptions,
): Promise<SheetData[]> {
  const { fileName, content } = file;
  const expected = options.expected ?? XLSX_EXPECTED;
  const { dimension } = await checkSpreadsheet(fileName, content, options.rowLimit, expected);
  const outcome = await withParseSlot(() =>
    parseInWorker({
      content,
      maxRows: options.rowLimit.maxRows,
      maxColumns: MAX_COLUMNS,
      maxCellChars: options.maxCellChars,
      skipSheets: options.skipSheets ?? [],
    }),
  );
  if (outcome.ok) return outcome.sheets;
  switch (outcome.error) {
    case 'too_many_rows': {
      const found = dimension && dimension.rows - 1 > options.rowLimit.maxRows ? dimension.rows - 1 : null;
      throw tooManyRows(fileName, options.rowLimit, found);
    }
    case 'size_mismatch':
      throw tooLarge(
        `Tệp «${fileName}» bị hỏng hoặc cố ý khai sai kích thước (phần «${outcome.entry}» giải nén ra nhiều hơn khai báo).`,
        fileName,
      );
    case 'out_of_memory':
      throw tooLarge(
        `Tệp «${fileName}» cần hơn ${formatCount(PARSE_LIMITS.maxOldGenerationSizeMb)} MB bộ nhớ để đọc; hãy chia thành nhiều tệp nhỏ hơn.`,
        fileName,
      );
    case 'timeout':
      throw tooLarge(
        `Đọc tệp «${fileName}» quá ${formatCount(PARSE_LIMITS.timeoutMs / 1000)} giây; hãy chia thành nhiều tệp nhỏ hơn.`,
        fileName,
      );
    case 'unreadable':
      throw unreadableZip(fileName, expected);
  }
}
