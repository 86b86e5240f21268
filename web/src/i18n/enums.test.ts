import { describe, expect, it } from 'vitest';
import { ROLE_LABEL_VI } from '#contracts/roles.ts';
import { ENUM_LABELS } from './enums.ts';
import i18n from './index.ts';

const enums = Object.entries(ENUM_LABELS).map(([name, e]) => ({
  name,
  values: e.values as readonly string[],
}));

describe('nhãn của các enum trên giao diện', () => {
  it.each(enums)('every value of $name has a word in Vietnamese and in English', ({ name, values }) => {
    expect(values.length).toBeGreaterThan(0);
    for (const lng of ['vi', 'en']) {
      const missing = values.filter(
        (v) => typeof i18n.getResource(lng, 'enums', `${name}.${v}`) !== 'string',
      );
      expect(missing, `${lng}: enums:${name}`).toEqual([]);
    }
  });

  it('the Vietnamese words are the server’s, so the UI and the printed documents agree', () => {
    expect(i18n.getFixedT('vi', 'enums')('role.principal')).toBe(ROLE_LABEL_VI.principal);
    expect(i18n.getFixedT('en', 'enums')('role.principal')).toBe('Principal');
  });
});
