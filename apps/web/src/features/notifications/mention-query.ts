/** The longest name typed after an "@" that suggestions are looked up for. */
const MAX_QUERY = 40;
/**
 * A name being typed: a letter first, then letters (any script), marks, digits and the marks names
 * use inside, in at most four words separated by single spaces (a space may end it while typing).
 */
const TYPED_NAME = /^\p{L}[\p{L}\p{M}\p{N}'’.-]*(?: [\p{L}\p{M}\p{N}'’.-]+){0,3} ?$/u;
/** What may stand before the "@" of a mention (as the server reads them): not a letter, digit, _ or @. */
const WORD_CHAR = /[\p{L}\p{N}_@]/u;

/**
 * The mention being typed at `caret`: the "@" that begins it and the name typed since ("@Thomas
 * Re"), or null when the caret is not in one.
 */
export function activeMention(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at === -1) return null;
  if (at > 0 && WORD_CHAR.test(before[at - 1]!)) return null;
  const query = before.slice(at + 1);
  if (query.length > MAX_QUERY || !TYPED_NAME.test(query)) return null;
  return { start: at, query };
}

/** `text` with the mention from `start` to `caret` replaced by "@Full Name ", and where the caret goes. */
export function insertMention(
  text: string,
  mention: { start: number },
  caret: number,
  name: string,
): { text: string; caret: number } {
  const inserted = `@${name} `;
  const after = text.slice(caret).replace(/^ /, "");
  return {
    text: `${text.slice(0, mention.start)}${inserted}${after}`,
    caret: mention.start + inserted.length,
  };
}
