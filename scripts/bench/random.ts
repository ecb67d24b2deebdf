/**
 * The random draws every archive generator shares. A generator's output depends
 * only on its seed, and on the order of its draws: a change here changes every
 * generated archive, so the ingest benchmark hashes this file with the generator.
 */
import { SYLLABLES } from './vocabulary.ts';

/**
 * A seeded source of uniform numbers in [0, 1): mulberry32, small, fast and
 * good enough for text generation.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One of `items`, uniformly; one draw. */
export function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

/** A made-up word of `syllables` syllables (one draw each), for names and a large vocabulary. */
export function inventWord(next: () => number, syllables: number): string {
  let word = '';
  for (let i = 0; i < syllables; i++) word += pick(next, SYLLABLES);
  return word;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
