import { describe, expect, it } from 'vitest';
import { LEAD_CHARS, toStoryRecord } from './story-record.ts';

const text = (body: string, captions = '') => ({ slug: 's', title: 'T', subtitle: '', captions, body });

describe('toStoryRecord', () => {
  it('keeps short texts whole', () => {
    expect(toStoryRecord(text('A short body.', 'A caption (AFP)'))).toEqual({
      slug: 's',
      title: 'T',
      subtitle: '',
      captions: 'A caption (AFP)',
      lead: 'A short body.',
    });
  });

  it('cuts body and captions to their opening, after a whole word', () => {
    const body = 'word '.repeat(200).trim();
    const record = toStoryRecord(text(body, body));
    expect(record.lead.length).toBeLessThanOrEqual(LEAD_CHARS);
    expect(record.lead.length).toBeGreaterThan(LEAD_CHARS - 6);
    expect(record.lead.endsWith('word')).toBe(true);
    expect(record.captions).toBe(record.lead);
    expect(body.startsWith(record.lead)).toBe(true);
  });

  it('cuts a text without spaces at the limit', () => {
    expect(toStoryRecord(text('x'.repeat(1000))).lead).toHaveLength(LEAD_CHARS);
  });
});
