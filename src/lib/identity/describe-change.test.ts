import { describe, expect, test } from 'vitest';
import { describeChange, type VersionText } from './describe-change.ts';

const base: VersionText = {
  title: 'Night bus routes restored',
  captions: ['A night bus at the terminus (AFP)'],
  paragraphs: ['The council voted to restore the routes.', 'Drivers accepted a pay deal after three weeks.', 'The first buses run on Monday.'],
};
const change = (patch: Partial<VersionText>) => describeChange(base, { ...base, ...patch });

describe('describeChange', () => {
  test('says "same text" when nothing a reader sees differs', () => {
    expect(describeChange(base, { ...base, paragraphs: base.paragraphs.map((p) => ` ${p.replace(/ /g, '  ')}`) })).toBe('same text');
  });

  test('counts corrected words', () => {
    expect(change({ paragraphs: [base.paragraphs[0]!, 'Drivers accepted a pay deal after four weeks.', 'The first buses run on Tuesday.'] })).toBe(
      '2 words changed',
    );
  });

  test('counts paragraphs added and removed at the end', () => {
    expect(change({ paragraphs: [...base.paragraphs, 'Update: the union has confirmed the deal.'] })).toBe('1 paragraph added');
    expect(change({ paragraphs: base.paragraphs.slice(0, 1) })).toBe('2 paragraphs removed');
  });

  test('tells paragraph breaks moved from words changed', () => {
    expect(change({ paragraphs: [`${base.paragraphs[0]} ${base.paragraphs[1]}`, base.paragraphs[2]!] })).toBe('paragraph breaks changed');
  });

  test('names a corrected headline, standfirst and caption', () => {
    expect(change({ title: 'Night bus routes restored at last', subtitle: 'After a long strike', captions: ['A night bus at the terminus (Reuters)'] })).toBe(
      'headline corrected, standfirst changed, 1 caption changed',
    );
  });
});
