/**
 * How a person's name becomes their Person id: shared by ingest (which
 * assigns ids) and the API (which looks people up by any form of their name).
 */

/** Folds case, accents, spacing and every mark but `@ ' -` (to a space): the form a Person id is made from. In-note comparison uses extract/people/names.ts `foldNameForm`, which keeps marks. */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@' -]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The identity key of a full name: folded, a leading @ and middle initials dropped (`Johnnie L Birch` = `Johnnie Birch`). */
export function personKey(name: string): string {
  const parts = foldName(name).replace(/^@/, '').split(' ').filter(Boolean);
  if (parts.length <= 2) return parts.join(' ');
  const kept = [parts[0]!, ...parts.slice(1, -1).filter((p) => p.replace(/\.$/, '').length > 1), parts[parts.length - 1]!];
  return kept.join(' ');
}
