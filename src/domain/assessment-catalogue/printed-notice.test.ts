import { describe, expect, it } from 'vitest';
import { printedCatalogueNotice } from './printed-notice.ts';
import { catalogueSchema } from './schema.ts';
import { demoCatalogueInput } from './test-fixtures.ts';

describe('printedCatalogueNotice: what every printed page says about the catalogue', () => {
  it('a complete catalogue without a notice prints nothing', () => {
    expect(printedCatalogueNotice(catalogueSchema.parse(demoCatalogueInput()))).toBeUndefined();
  });

  it('the catalogue’s own draft notice, word for word', () => {
    const catalogue = catalogueSchema.parse({ ...demoCatalogueInput(), draftNotice: 'Dự thảo.' });
    expect(printedCatalogueNotice(catalogue)).toBe('Dự thảo.');
  });

  it('a stored catalogue from before notices whose group does not add up still prints that it is incomplete', () => {
    const input = demoCatalogueInput();
    const group = input.groups[1];
    if (group) group.items = group.items.slice(0, -1);
    const catalogue = catalogueSchema.parse(input);
    expect(printedCatalogueNotice(catalogue)).toMatch(
      /^Bộ tiêu chí chưa đầy đủ so với văn bản gốc: tổng điểm các tiêu chí khác điểm tối đa ở Nhóm B \(60\/100 điểm\)/,
    );
  });
});
