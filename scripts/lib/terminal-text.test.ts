import { describe, expect, test } from 'vitest';
import { escapeForTerminal } from './terminal-text.ts';

describe('escapeForTerminal', () => {
  test('writes an escape sequence that would retitle the terminal as visible text', () => {
    expect(escapeForTerminal('Title\u001b]0;pwned\u0007 here')).toBe('Title\\x1B]0;pwned\\x07 here');
  });

  test('escapes line ends, C1 controls and bidirectional overrides', () => {
    expect(escapeForTerminal('a\nb\r\u009bc\u202Egnp.exe')).toBe('a\\x0Ab\\x0D\\x9Bc\\u202Egnp.exe');
  });

  test('leaves printable text of any script alone', () => {
    const text = 'Zürich “quoted” — بيروت 𝄞 tab-less';
    expect(escapeForTerminal(text)).toBe(text);
  });
});
