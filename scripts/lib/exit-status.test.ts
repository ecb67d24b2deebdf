import { describe, expect, test } from 'vitest';
import { EXIT, exitStatus } from './exit-status.ts';

const rejection = { file: 'a.txt', kind: 'file' as const, line: 3, reason: 'bad' };
const run = { check: false, keepGoing: false };

describe('exitStatus', () => {
  test('is 0 when everything was read', () => {
    expect(exitStatus({ rejected: [], stale: true }, run)).toBe(EXIT.ok);
  });

  test('is 1 when something was rejected, or checking finds the entries stale', () => {
    expect(exitStatus({ rejected: [rejection], stale: false }, run)).toBe(1);
    expect(exitStatus({ rejected: [], stale: true }, { ...run, check: true })).toBe(1);
  });

  test('is 3, of its own, when the ingest itself failed on something', () => {
    expect(exitStatus({ rejected: [rejection, { ...rejection, internal: true }], stale: false }, run)).toBe(3);
  });

  test('with keep-going, is 0 whatever was rejected', () => {
    expect(exitStatus({ rejected: [{ ...rejection, internal: true }], stale: false }, { ...run, keepGoing: true })).toBe(0);
  });
});
