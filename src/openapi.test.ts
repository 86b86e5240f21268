import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import pino from 'pino';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELD_LABEL_VI } from '#contracts/field-labels.ts';
import type { DB } from './platform/db/schema.ts';
import { buildServer } from './server.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface MediaType {
  schema?: Record<string, unknown>;
}
interface Operation {
  responses?: Record<string, { content?: Record<string, MediaType> }>;
}
interface RequestOperation {
  parameters?: { name: string }[];
  requestBody?: { content?: Record<string, MediaType> };
}

/** A 2xx response that says what comes back: a non-empty schema for JSON, or a media type for a download. */
function hasTypedSuccess(operation: Operation): boolean {
  return Object.entries(operation.responses ?? {}).some(
    ([status, response]) =>
      status.startsWith('2') &&
      Object.values(response.content ?? {}).some((media) => Object.keys(media.schema ?? {}).length > 0),
  );
}

describe('tài liệu OpenAPI', () => {
  let app: FastifyInstance;
  let doc: OpenAPI3;

  beforeAll(async () => {
    // Generating the document runs no query, so the app gets a database that cannot connect: no PGlite to start.
    const db = new Kysely<DB>({
      dialect: {
        createAdapter: () => new PostgresAdapter(),
        createDriver: () => new DummyDriver(),
        createIntrospector: (kysely) => new PostgresIntrospector(kysely),
        createQueryCompiler: () => new PostgresQueryCompiler(),
      },
    });
    ({ app } = await buildServer({ db, log: pino({ level: 'silent' }) }));
    await app.ready();
    doc = app.swagger() as OpenAPI3;
  });
  afterAll(() => app?.close());

  it('every operation declares a 2xx response with a schema or a media type', () => {
    const operations = Object.entries(doc.paths ?? {}).flatMap(([url, item]) =>
      METHODS.flatMap((method) => {
        const operation = (item as Record<string, Operation | undefined>)[method];
        return operation ? [{ name: `${method.toUpperCase()} ${url}`, operation }] : [];
      }),
    );
    expect(operations.length).toBeGreaterThan(100);
    expect(operations.filter((o) => !hasTypedSuccess(o.operation)).map((o) => o.name)).toEqual([]);
  });

  it('every request field has a Vietnamese name for error messages (contracts/field-labels.ts)', () => {
    const names = new Set<string>();
    const seen = new Set<unknown>();
    const walk = (schema: unknown) => {
      if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
      seen.add(schema);
      const s = schema as Record<string, unknown>;
      for (const [name, inner] of Object.entries((s.properties as Record<string, unknown>) ?? {})) {
        names.add(name);
        walk(inner);
      }
      for (const key of ['items', 'additionalProperties']) walk(s[key]);
      for (const key of ['anyOf', 'oneOf', 'allOf'])
        for (const inner of (s[key] as unknown[]) ?? []) walk(inner);
    };
    for (const item of Object.values(doc.paths ?? {}))
      for (const method of METHODS) {
        const operation = (item as Record<string, RequestOperation | undefined>)[method];
        for (const parameter of operation?.parameters ?? []) names.add(parameter.name);
        for (const media of Object.values(operation?.requestBody?.content ?? {})) walk(media.schema);
      }
    expect(names.size).toBeGreaterThan(100);
    expect([...names].filter((name) => !FIELD_LABEL_VI[name]).sort()).toEqual([]);
  });

  it('openapi-typescript turns the document into types that compile without errors', async () => {
    const source = astToString(await openapiTS(doc, { silent: true }));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truongso-openapi-'));
    try {
      fs.writeFileSync(path.join(dir, 'api.d.ts'), source);
      // A client's view: a JSON body and a download are typed as the routes declare them.
      const probe = path.join(dir, 'probe.ts');
      fs.writeFileSync(
        probe,
        [
          "import type { paths } from './api';",
          "type Results = paths['/api/v1/results/classes/{id}']['get']['responses'][200]['content']['application/json'];",
          "export const name: Results['students'][number]['fullName'] = 'Nguyễn Văn A';",
          "type Pdf = paths['/api/v1/classes/{id}/transcripts.pdf']['get']['responses'][200]['content']['application/pdf'];",
          "export const pdf: Pdf = '';",
        ].join('\n'),
      );
      // ES5's lib holds all the generated types need (Record), and loads faster than a newer one.
      const program = ts.createProgram([probe], {
        strict: true,
        noEmit: true,
        types: [],
        lib: ['lib.es5.d.ts'],
      });
      const diagnostics = ts
        .getPreEmitDiagnostics(program)
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      expect(source).toContain('export interface paths');
      expect(diagnostics).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
