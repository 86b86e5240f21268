import type { Kysely } from 'kysely';
import pino from 'pino';
import type { ServiceContext } from '../../src/platform/context.ts';
import type { DB } from '../../src/platform/db/schema.ts';

/** The unit a benchmark acts on, as the units table holds it. */
export interface BenchUnit {
  id: string;
  path: string;
  name: string;
  kind: string;
}

/**
 * A service context of a principal on `unit` (a school, or an office: the grant then covers every school below it),
 * so benchmarks call the same services as the API with their authorisation and audit.
 */
export function principalContext(db: Kysely<DB>, unit: BenchUnit): ServiceContext {
  return {
    db,
    log: pino({ level: 'silent' }),
    actor: {
      userId: '',
      username: 'bench',
      fullName: 'Bench',
      mustChangePassword: false,
      assignments: [
        { role: 'principal', unitId: unit.id, unitPath: unit.path, unitName: unit.name, unitKind: unit.kind },
      ],
    },
  };
}
