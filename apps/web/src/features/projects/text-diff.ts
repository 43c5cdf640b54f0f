import { diffArrays, diffWordsWithSpace } from "diff";

export interface DiffPart {
  kind: "same" | "added" | "removed";
  text: string;
}

/** Words of Japanese text (no spaces between words, so the segmenter finds the boundaries). */
export function segmentJapanese(text: string): string[] {
  const segmenter = new Intl.Segmenter("ja", { granularity: "word" });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Merges neighbouring parts of the same kind, so the diff reads as phrases rather than tokens. */
function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const part of parts) {
    if (!part.text) continue;
    const last = out.at(-1);
    if (last && last.kind === part.kind) last.text += part.text;
    else out.push({ ...part });
  }
  return out;
}

/** A word-level diff of two versions of a text: English by words, Japanese by segmented words. */
export function wordDiff(before: string, after: string, lang: "en" | "ja"): DiffPart[] {
  if (lang === "ja") {
    const changes = diffArrays(segmentJapanese(before), segmentJapanese(after));
    return merge(
      changes.map((c) => ({
        kind: c.added ? "added" : c.removed ? "removed" : "same",
        text: c.value.join(""),
      })),
    );
  }
  return merge(
    diffWordsWithSpace(before, after).map((c) => ({
      kind: c.added ? "added" : c.removed ? "removed" : "same",
      text: c.value,
    })),
  );
}
