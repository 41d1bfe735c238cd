/**
 * The page's text as worker/sites/extract-article.ts streams it: text chunks and block breaks in
 * document order, each chunk remembering the innermost dropped element (nav, footer, comments,
 * caption, code block…) it sat in. Any element is then a range of this stream, so the extractor
 * can weigh every candidate (the marked element, `<article>`, `main`, the densest block) in one
 * pass and turn the winner into text afterwards, leaving out only what was dropped *inside* it.
 */
import { decodeEntities } from "./html-entities.ts";

/** A blank line (paragraph, heading, list item…) or a line break (`<br>`, table cell). */
export type Break = "paragraph" | "line";

export class TextStream {
  /** Text chunks as written; "" where the entry is a break. */
  private readonly texts: string[] = [];
  private readonly breaks: Array<Break | null> = [];
  /** Per entry: where the innermost dropped element around it starts, or -1. */
  private readonly droppedFrom: number[] = [];
  private readonly dropStarts: number[] = [];

  get position(): number {
    return this.texts.length;
  }

  text(chunk: string): void {
    if (chunk) this.push(chunk, null);
  }

  break(kind: Break): void {
    this.push("", kind);
  }

  /** Starts a dropped element; the returned function ends it. */
  openDrop(): () => void {
    const start = this.position;
    this.dropStarts.push(start);
    return () => {
      const at = this.dropStarts.lastIndexOf(start);
      if (at >= 0) this.dropStarts.splice(at);
    };
  }

  /**
   * The text of [start, end): dropped elements that began inside the range are left out (ones
   * around the whole range are not: a page wrapped in one big `<form>` still has an article).
   * Entities decoded, whitespace collapsed, blank lines between paragraphs.
   */
  textOf(start: number, end: number): string {
    const parts: string[] = [];
    let run = "";
    let pending: Break | null = null;
    const flush = () => {
      const line = decodeEntities(run).replace(/\s+/g, " ");
      run = "";
      if (!line.trim()) return;
      if (pending && parts.length > 0) parts.push(pending === "paragraph" ? "\n\n" : "\n");
      parts.push(line);
      pending = null;
    };
    for (let i = start; i < end; i++) {
      const kind = this.breaks[i];
      if (kind) {
        flush();
        if (pending !== "paragraph") pending = kind;
      } else if ((this.droppedFrom[i] ?? -1) < start) {
        run += this.texts[i] ?? "";
      }
    }
    flush();
    return parts
      .join("")
      .split("\n")
      .map((line) => line.trim())
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim();
  }

  private push(text: string, kind: Break | null): void {
    this.texts.push(text);
    this.breaks.push(kind);
    this.droppedFrom.push(this.dropStarts[this.dropStarts.length - 1] ?? -1);
  }
}
