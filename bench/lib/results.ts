/**
 * What a bench run collects: the flat figures of issue 7 (numbers, null where unmeasured), a
 * note for every null or caveat, and the rows BENCHMARKS.md shows in its tables.
 */

export type Figure = number | null;

/** The keys issues 7 and 14 ask for, in their order; every run writes each of them. */
export const requiredKeys = [
  "widget.gzipBytes",
  "widget.brotliBytes",
  "widget.vsTypeform",
  "widget.vsH5p",
  "widget.firstQuestionMs",
  "widget.cls",
  "widget.interactionMs",
  "widget.firstQuestionVsVanilla",
  "widget.interactionVsVanilla",
  "worker.getQuizRatio",
  "worker.answerRatio",
  "worker.finishRatio",
  "worker.getQuizVsFloor",
  "worker.answerVsFloor",
  "worker.finishVsFloor",
  "worker.bundleGzipBytes",
  "worker.startupMs",
  "generation.medianMs",
  "generation.ms2000Words",
  "report.ms1k",
  "report.ms10k",
  "report.ms100k",
  "report.ms1m",
  "load.errors",
  "load.lostAnswers",
  "load.p50Ms",
  "load.p99Ms",
] as const;

export type Section =
  | "widget"
  | "peers"
  | "speed"
  | "worker"
  | "throughput"
  | "generation"
  | "report"
  | "load";

export class Results {
  readonly figures = new Map<string, Figure>();
  readonly notes = new Map<string, string>();
  /** Section durations in seconds, for the "whole bench under 5 minutes" target. */
  readonly timings = new Map<string, number>();

  set(key: string, value: Figure, note?: string): void {
    this.figures.set(key, value === null || Number.isFinite(value) ? value : null);
    if (note) this.notes.set(key, note);
  }

  note(key: string, text: string): void {
    this.notes.set(key, text);
  }

  get(key: string): Figure {
    return this.figures.get(key) ?? null;
  }

  /** Marks every given key unmeasured (unless already measured) with the same reason. */
  unmeasured(keys: readonly string[], reason: string): void {
    for (const key of keys) {
      if (this.get(key) === null) this.set(key, null, reason);
    }
  }

  /** The flat object written to bench/results.json: required keys first, then extras, then notes. */
  toJson(): Record<string, Figure | Record<string, string>> {
    const out: Record<string, Figure | Record<string, string>> = {};
    for (const key of requiredKeys) out[key] = this.get(key);
    for (const [key, value] of [...this.figures].sort(([a], [b]) => a.localeCompare(b))) {
      if (!(key in out)) out[key] = value;
    }
    for (const [key, seconds] of this.timings) out[`bench.seconds.${key}`] = seconds;
    const notes: Record<string, string> = {};
    for (const key of requiredKeys) {
      if (out[key] === null && !this.notes.has(key)) notes[key] = "not measured in this run";
    }
    for (const [key, text] of [...this.notes].sort(([a], [b]) => a.localeCompare(b))) {
      notes[key] = text;
    }
    out.notes = notes;
    return out;
  }
}
