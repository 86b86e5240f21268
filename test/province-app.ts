import type { StorageKind } from '../src/platform/db/database.ts';
import { startTestApp, type TestApp, type TestClient } from './app.ts';
import { buildProvince } from './factories.ts';

export interface ProvinceTest {
  t: TestApp;
  u: Awaited<ReturnType<typeof buildProvince>>;
  /** A logged-in client per username, logged in once per test file (argon2 makes a login cost ~0.5 s). */
  as: (username: string) => Promise<TestClient>;
}

/** A test app over a fresh database holding the small province of buildProvince. */
export async function startProvinceTest(storage: StorageKind): Promise<ProvinceTest> {
  const t = await startTestApp(storage);
  const u = await buildProvince(t.db);
  const clients = new Map<string, Promise<TestClient>>();
  const as = (username: string) => {
    let client = clients.get(username);
    if (!client) {
      client = t.as(username);
      clients.set(username, client);
    }
    return client;
  };
  return { t, u, as };
}
