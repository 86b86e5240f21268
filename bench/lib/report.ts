/** One measured way of doing the work, printed beside the others of the same run. */
export interface Measurement {
  label: string;
  rows: number;
  ms: number;
}

export async function measure(label: string, work: () => Promise<number>): Promise<Measurement> {
  const started = performance.now();
  const rows = await work();
  return { label, rows, ms: performance.now() - started };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** Prints rows, time and rows/s of each measurement, and each one's speed relative to the baseline. */
export function printComparison(title: string, baseline: Measurement, others: Measurement[]): void {
  const all = [...others, baseline];
  const width = Math.max(...all.map((m) => m.label.length));
  const rate = (m: Measurement) => m.rows / (m.ms / 1000);
  console.log(`\n${title}`);
  console.log(
    `  ${'method'.padEnd(width)}  ${'rows'.padStart(11)}  ${'seconds'.padStart(8)}  ${'rows/s'.padStart(10)}  vs baseline`,
  );
  for (const m of all) {
    const relative = m === baseline ? 'baseline' : `${(rate(m) / rate(baseline)).toFixed(2)}×`;
    console.log(
      `  ${m.label.padEnd(width)}  ${fmt(m.rows).padStart(11)}  ${(m.ms / 1000).toFixed(1).padStart(8)}  ${fmt(rate(m)).padStart(10)}  ${relative}`,
    );
  }
}
