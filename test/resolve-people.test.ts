/** How one human's forms become one Person id (ingest/resolve/people.ts). */
import { describe, expect, test } from 'vitest';
import { configuredByForm, PeopleDirectory, settleName, spacedCamelName } from '../ingest/resolve/people.js';
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

describe("a person's settled name (the naming policy load.ts applies to every form the graph holds)", () => {
  test('is the fullest form seen; the other forms and the handles are aliases, each once', () => {
    const s = settleName('jane-doe', ['Jane', 'Jane Doe', 'jane', 'JD', 'Jane'], ['janed'], new Map());
    expect(s).toEqual({ id: 'jane-doe', name: 'Jane Doe', aliases: ['Jane', 'janed', 'JD'], handles: ['janed'] });
  });

  test('of forms that fold alike, the most used spelling is kept', () => {
    expect(settleName('x', ['brian', 'Brian', 'Brian'], [], new Map()).name).toBe('Brian');
    expect(settleName('x', ['brian', 'brian', 'Brian'], [], new Map()).name).toBe('brian');
  });

  test("a configured person's name wins over a fuller form seen, and brings its handles", () => {
    const configured = configuredByForm([{ name: 'Jane Doe', aliases: ['JD'], handles: ['jdoe'] }]);
    const s = settleName('jane-doe', ['JD', 'Jane Quinn Doe'], [], configured);
    expect(s.name).toBe('Jane Doe');
    expect(s.aliases).toEqual(['Jane Quinn Doe', 'JD', 'jdoe']);
    expect(s.handles).toEqual(['jdoe']);
  });

  test('with no form seen, the id stands as the name', () => {
    expect(settleName('ghost', [], [], new Map()).name).toBe('ghost');
  });
});
