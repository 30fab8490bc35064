/**
 * Where a note's links are: text with its URLs blanked out (the source line of
 * an offset is parse.ts lineAt). (Link reference definitions and their
 * uses come parsed: Note.definitions, Block.refLinks.)
 */
import { mayHoldUrl, URL_IN_TEXT } from './github.js';

/** Text with its URLs blanked out, offsets kept. */
export const masked = (text: string): string => (mayHoldUrl(text) ? text.replace(URL_IN_TEXT, (u) => ' '.repeat(u.length)) : text);
