/** How one human's forms become one Person id (ingest/resolve/people.ts). */
import { describe, expect, test } from 'vitest';
import { PeopleDirectory, spacedCamelName } from '../ingest/resolve/people.js';
import type { PersonRecord } from '../ingest/types.js';

const person = (name: string): PersonRecord => ({ name, aliases: [], handles: [] }) as unknown as PersonRecord;

describe('a full name written as one camel-case word', () => {
  test('is spaced out; other words are not', () => {
    expect(spacedCamelName('MariusVanDerWijden')).toBe('Marius Van Der Wijden');
    expect(spacedCamelName('JaneDoe')).toBe('Jane Doe');
    for (const w of ['Jane', 'SeanTAllen', 'iOS', 'jane doe', 'JANEDOE', 'Jane_Doe']) expect(spacedCamelName(w)).toBeNull();
  });

  test('is the same Person as the spaced full name; a lone first name no observed note writes in full is not merged', () => {
    const d = new PeopleDirectory();
    expect(d.idOf(person('JaneDoe'))).toBe(d.idOf(person('Jane Doe')));
    expect(d.idOf(person('Jane'))).not.toBe(d.idOf(person('Jane Doe')));
  });

  test("follows the people file's name for the spaced form", () => {
    const d = new PeopleDirectory([{ name: 'Jane Q. Doe', aliases: ['Jane Doe'] }]);
    expect(d.idOf(person('JaneDoe'))).toBe(d.idOf(person('Jane Q. Doe')));
  });
});
