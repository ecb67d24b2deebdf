import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { Lines, PrintedLines } from './dump-lines.ts';
import { foldLines, sameButSpacing } from './text.ts';
import { parseDump } from './parse-dump.ts';

// Every comparison of two lines and every hash taken, counted: the work the
// parser does to drop repeats, whatever the machine's speed.
const work = vi.hoisted(() => ({ count: 0 }));
vi.mock('./text.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('./text.ts')>();
  return {
    ...real,
    sameButSpacing: (a: string, b: string) => {
      work.count++;
      return real.sameButSpacing(a, b);
    },
    spacelessHash: (line: string) => {
      work.count++;
      return real.spacelessHash(line);
    },
  };
});

describe('PrintedLines', () => {
  test('finds a line exactly when it differs from one printed only in spacing', () => {
    const word = fc.constantFrom('A', 'ferry', '(AFP)', 'x', 'é', '𝄞', 'bus');
    const line = fc.array(fc.tuple(word, fc.constantFrom('', ' ', '  ')), { minLength: 1, maxLength: 5 }).map((parts) => parts.flat().join(''));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), line, (printed, candidate) => {
        const folded = foldLines([...printed, candidate].join('\n'));
        const lines = new Lines(folded);
        const set = new PrintedLines(lines, folded.slice(0, -1));
        const last = folded.length - 1;
        expect(set.has(last)).toBe(folded.slice(0, -1).some((p) => p !== '' && sameButSpacing(p, folded[last] as string)));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('parseDump', () => {
  // Captions that start and end alike, so no cheap test tells them apart.
  const article = (photos: number) => {
    const body: string[] = [];
    for (let i = 0; i < photos; i++) body.push(`Paragraph ${i} of the story goes on.`, `A photo number ${i} (AFP)`, `A photo number ${i} (AFP)`);
    return `Title\n\nTT\n\nTitle\n\n${body.join('\n')}\n`;
  };
  const workFor = (photos: number) => {
    const text = article(photos);
    work.count = 0;
    const { articles } = parseDump(text, 'a.txt');
    expect(articles[0]?.blocks.filter((block) => block.type === 'figure')).toHaveLength(photos);
    return work.count;
  };

  test('does work in proportion to the number of inline photos, not its square', () => {
    const small = workFor(1000);
    const large = workFor(8000);
    // Eight times the photos: linear work is about eight times as much; a
    // comparison with each caption seen so far would be sixty-four times.
    expect(large / small).toBeLessThan(9);
  });
});
