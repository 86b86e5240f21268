import pg from 'pg';

/**
 * The one place where column types are normalised so both engines return the same JS values:
 * int8 and numeric → number (ids are uuids; counts and scores fit), date → 'YYYY-MM-DD' string
 * (a Date would shift with the server's time zone). node-postgres takes `pgTypes`; PGlite takes `pgliteParsers`,
 * in the thread that runs it (the main thread, or the PGlite worker).
 */
export const OID = { INT8: 20, NUMERIC: 1700, DATE: 1082, NUMERIC_ARRAY: 1231 } as const;
const toNumber = (value: string) => Number(value);
const keepText = (value: string) => value;
// node-postgres parses numeric[] into numbers (nulls kept); PGlite would give strings, so both use this parser.
const toNumberArray = pg.types.getTypeParser(
  OID.NUMERIC_ARRAY as Parameters<typeof pg.types.getTypeParser>[0],
) as (value: string) => (number | null)[];

export const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === OID.INT8 || oid === OID.NUMERIC) return toNumber;
    if (oid === OID.DATE) return keepText;
    if (oid === OID.NUMERIC_ARRAY) return toNumberArray;
    return pg.types.getTypeParser(oid, format);
  },
};

export const pgliteParsers = {
  [OID.INT8]: toNumber,
  [OID.NUMERIC]: toNumber,
  [OID.DATE]: keepText,
  [OID.NUMERIC_ARRAY]: toNumberArray,
};
