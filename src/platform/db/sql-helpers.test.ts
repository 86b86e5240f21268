import { describe, expect, it } from 'vitest';
import { containsPattern, escapeLike, startsWithPattern } from './sql-helpers.ts';

describe('LIKE patterns match user input literally', () => {
  it('escapes the wildcards % and _ and the escape character \\', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
    expect(escapeLike('nguyen van an')).toBe('nguyen van an');
  });

  it('contains and starts-with patterns put the wildcard only where meant', () => {
    expect(containsPattern('10_a')).toBe('%10\\_a%');
    expect(startsWithPattern('/a/b/')).toBe('/a/b/%');
  });
});
