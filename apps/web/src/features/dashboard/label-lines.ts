/** The width of a piece of text in CSS pixels, as drawn in the chart's font. */
export type MeasureText = (text: string) => number;

const OPENING = /^[(（「『［【〔〈《"“'‘]+$/u;

/**
 * Splits a label into lines no wider than `width`, breaking only between words as
 * `Intl.Segmenter` finds them in the label's language (Japanese has no spaces: 「ネオジム・プラセオジム」
 * breaks between ネオジム and プラセオジム). Punctuation stays with its word: a closing bracket or a
 * middle dot ends the line before it, an opening bracket starts the line after it. A single word
 * wider than `width` is broken between characters.
 */
export function labelLines(label: string, width: number, measure: MeasureText, locale: string): string[] {
  const text = label.trim();
  if (text === "" || measure(text) <= width) return [text];

  // Words with the punctuation that belongs to them.
  const pieces: string[] = [];
  let opening = "";
  for (const { segment, isWordLike } of new Intl.Segmenter(locale, { granularity: "word" }).segment(text)) {
    if (OPENING.test(segment)) opening += segment;
    else if (!isWordLike && pieces.length > 0 && opening === "") pieces[pieces.length - 1] += segment;
    else {
      pieces.push(opening + segment);
      opening = "";
    }
  }
  if (opening) pieces.push(opening);

  const lines: string[] = [];
  let line = "";
  for (const piece of pieces) {
    const candidate = line + piece;
    if (line !== "" && measure(candidate.trimEnd()) > width) {
      lines.push(line.trimEnd());
      line = piece.trimStart();
    } else {
      line = candidate;
    }
    // A word too wide for a line of its own: break it between characters.
    while (measure(line.trimEnd()) > width && [...line].length > 1) {
      const chars = [...line];
      let fit = 1;
      while (fit < chars.length && measure(chars.slice(0, fit + 1).join("")) <= width) fit++;
      lines.push(chars.slice(0, fit).join(""));
      line = chars.slice(fit).join("");
    }
  }
  if (line.trim() !== "") lines.push(line.trimEnd());
  return lines;
}

const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

/**
 * A measure for where no canvas is at hand: full-width (CJK) characters are one em, others about
 * 0.6 em. Generous, so what it says fits does fit.
 */
export function estimateWidth(fontSize: number): MeasureText {
  return (text) => [...text].reduce((sum, ch) => sum + (WIDE.test(ch) ? fontSize : fontSize * 0.62), 0);
}

/** Measures with a canvas in the given CSS font, or estimates when there is no canvas. */
export function canvasMeasure(font: string, fontSize: number): MeasureText {
  const context = typeof document === "undefined" ? null : document.createElement("canvas").getContext("2d");
  if (!context) return estimateWidth(fontSize);
  context.font = font;
  return (text) => context.measureText(text).width;
}
