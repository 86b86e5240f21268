import { createRequire } from 'node:module';
import { StringDecoder } from 'node:string_decoder';

/**
 * exceljs 4.4's streaming reader decodes each inflated piece of a sheet on its own (`utils/parse-sax.js`:
 * `bufferToString(chunk)`), so a Vietnamese letter whose UTF-8 bytes straddle two pieces becomes two U+FFFD: an
 * exported list read back had "Chuy��n đến" in a few hundred rows and failed the import. This replaces that module,
 * before exceljs loads it, by the same parser fed through a StringDecoder (one per stream), which keeps a split
 * character until its last byte arrives. Imported first by the spreadsheet worker (spreadsheet-worker.mjs), the one
 * place the streaming reader runs.
 */
const require = createRequire(import.meta.url);
const path = require.resolve('exceljs/lib/utils/parse-sax.js');
// The parser exceljs itself uses, resolved from exceljs (not a dependency of ours).
const { SaxesParser } = createRequire(path)('saxes') as typeof import('saxes');

interface SaxEvent {
  eventType: 'opentag' | 'text' | 'closetag';
  value: unknown;
}

async function* parseSax(iterable: AsyncIterable<Buffer | string>): AsyncGenerator<SaxEvent[]> {
  const parser = new SaxesParser();
  const decoder = new StringDecoder('utf8');
  let error: Error | undefined;
  parser.on('error', (e) => {
    error = e;
  });
  let events: SaxEvent[] = [];
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
  for await (const chunk of iterable) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.write(chunk));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.end();
  if (rest) {
    parser.write(rest);
    if (error) throw error;
    yield events;
  }
}

require(path);
const cached = require.cache[path];
if (cached) cached.exports = parseSax;
