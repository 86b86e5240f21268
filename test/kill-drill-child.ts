// A web process's job runner, for the kill -9 drill (src/kill-drill.test.ts): it opens the database (DATABASE_URL,
// or the PGlite data folder PGLITE_DIR, whose lock it takes), runs the queued jobs with every feature's handlers, and
// prints each progress report of a job as a line {"event":"progress","kind","done","total"} on stdout, and
// {"event":"finished"} once a handler has returned (its transaction committed). Writes to a pipe are synchronous on
// Linux, so a line is out even while the embedded database keeps the event loop busy; the test reads them to kill
// this process mid-job (on PGlite it cannot look at the jobs table: this process holds the folder).
// Run as `node --import tsx test/kill-drill-child.ts` with LEASE_MS and HEARTBEAT_MS.
import pino from 'pino';
import { openDatabase } from '../src/platform/db/database.ts';
import { registerFeatureJobs } from '../src/platform/features.ts';
import { type JobHandler, type JobKindOptions, JobRunner } from '../src/platform/jobs/runner.ts';
import { features, registerAllFeatures } from '../src/server.ts';

const say = (event: Record<string, unknown>) => console.log(JSON.stringify(event));

/** The runner of a web process, its handlers wrapped to print their progress. */
class ReportingRunner extends JobRunner {
  override register(kind: string, handler: JobHandler, options?: JobKindOptions): void {
    const reporting: JobHandler = async (ctx, payload, progress) => {
      const result = await handler(ctx, payload, {
        report: (done, total, message) => {
          say({ event: 'progress', kind, done, total });
          return progress.report(done, total, message);
        },
      });
      say({ event: 'finished', kind });
      return result;
    };
    super.register(kind, reporting, options);
  }
}

const database = await openDatabase({
  databaseUrl: process.env.DATABASE_URL,
  pgliteDir: process.env.PGLITE_DIR,
  poolSize: 3,
});
const runner = new ReportingRunner(database.db, pino({ level: 'info' }, pino.destination(2)), 1, {
  leaseMs: Number(process.env.LEASE_MS),
  heartbeatMs: Number(process.env.HEARTBEAT_MS),
});
registerAllFeatures();
registerFeatureJobs(runner, features);

await runner.recover();
await runner.idle();
await runner.stop();
await database.close();
say({ event: 'exit' });
process.exit(0);
