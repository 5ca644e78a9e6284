import { UNPRINTABLE_PATTERN } from '../../shared/domain';

const UNPRINTABLE = new RegExp(UNPRINTABLE_PATTERN.source, 'g');
/** JSON.stringify escapes C0 itself; in its output, a C0 character is the layout's own newline. */
const LEFT_BY_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const hex = (code: number, digits: number) => code.toString(16).toUpperCase().padStart(digits, '0');

/**
 * Text from the vault or a file, made safe for a terminal: each control character or text-direction
 * override is shown as an escape (`\x1B`, `\u{202E}`) instead of acting on the screen.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${hex(code, 2)}` : `\\u{${hex(code, 4)}}`;
  });
}

/**
 * JSON with the characters JSON.stringify leaves as they are (DEL, C1, the direction overrides)
 * written as \u escapes: the same value to a parser, and inert on a terminal.
 */
export function printableJson(json: string): string {
  return json.replace(LEFT_BY_JSON, (c) => `\\u${hex(c.charCodeAt(0), 4).toLowerCase()}`);
}
