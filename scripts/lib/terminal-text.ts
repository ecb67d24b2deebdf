/**
 * Text from dumps and file names, made safe to print: a control character in a
 * dump must not move the cursor, retitle the terminal or reorder what is shown.
 */

// C0 and C1 controls and DEL, and the bidirectional overrides and isolates.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * @param text Anything that came from a dump or the file system.
 * @returns The text with each control character written as an escape (`\x1B`, `\u202E`).
 */
export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}
