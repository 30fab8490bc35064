/**
 * compromise, loaded when first needed and from its one-file CommonJS build:
 * its ES modules are hundreds of files and take about twice as long to load
 * (~0.8 s against ~0.4 s here), which a worker pays before its first note.
 * Same package, same model.
 */
import type nlpModule from 'compromise';
import { createRequire } from 'node:module';

type Nlp = typeof nlpModule;

let loaded: Nlp | undefined;

/** The compromise function (`nlp(text)`), loaded on the first call. */
export function compromise(): Nlp {
  return (loaded ??= createRequire(import.meta.url)('compromise') as Nlp);
}
