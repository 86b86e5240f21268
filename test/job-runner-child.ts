// A second web process, as far as jobs go: a runner over the database at DATABASE_URL that runs the queued
// 'test.two-step' job and exits. Run by src/platform/jobs/leases-two-process.test.ts as
// `node --import tsx test/job-runner-child.ts`, with LEASE_MS and HEARTBEAT_MS.
// The job writes in one transaction: step 1, then it prints {"event":"step-1"} and waits for a line "finish" on
// stdin before step 2, so the test can restart another runner, or kill this process, in the middle.
import { createInterface } from 'node:readline';
import pino from 'pino';
import { openDatabase } from '../src/platform/db/database.ts';
import { JobRunner } from '../src/platform/jobs/runner.ts';

const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, poolSize: 3 });
const runner = new JobRunner(database.db, pino({ level: 'info' }, pino.destination(2)), 1, {
  leaseMs: Number(process.env.LEASE_MS),
  heartbeatMs: Number(process.env.HEARTBEAT_MS),
});

let finish: () => void = () => {};
const finishing = new Promise<void>((resolve) => {
  finish = resolve;
});
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'finish') finish();
});

runner.register('test.two-step', (ctx, payload) =>
  ctx.db.transaction().execute(async (trx) => {
    const row = { entity: 'test.two-step', entity_id: String(payload) };
    await trx
      .insertInto('audit_log')
      .values({ ...row, action: 'step-1' })
      .execute();
    console.log(JSON.stringify({ event: 'step-1', runnerId: runner.id }));
    await finishing;
    await trx
      .insertInto('audit_log')
      .values({ ...row, action: 'step-2' })
      .execute();
    return { steps: 2 };
  }),
);

await runner.recover();
await runner.idle();
await runner.stop();
await database.close();
console.log(JSON.stringify({ event: 'exit' }));
process.exit(0);
