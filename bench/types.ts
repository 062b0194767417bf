/** What every benchmark section receives from the harness (`bench/run.ts`). */
export interface BenchContext {
  /** `npm run bench -- --quick`: a reduced size that finishes in under a minute. */
  quick: boolean;
  /** `--huge`: the scale section adds a corpus of 1,000,000 articles (long; run it once). */
  huge?: boolean;
  /** `--articles N` given: the scale section measures that size alone (a one-off 1,000,000 run). */
  articlesGiven?: boolean;
  /** A scratch folder kept between runs (reused while the generator has not changed). */
  workDir: string;
  /** The generated corpus of news-like articles (10,000, or fewer with --quick). */
  corpusDir: string;
  articleCount: number;
  /** Progress lines for people; not part of the results. */
  log(message: string): void;
}

export interface Measurement {
  /** The section that took it: pipeline, corpus, store, ui, search, export. */
  section: string;
  /** What was measured: "clean+split per article", "query p95 (one word)". */
  name: string;
  unit: string;
  median?: number;
  p95?: number;
  /** A single figure (throughput, build time, memory). */
  value?: number;
  /** The goal the issue sets, for the table: "< 1 ms". */
  target?: string;
  /** Figure of a reference on the same data (fzf) and the ratio to it. */
  reference?: { name: string; value: number; ratio: number };
  note?: string;
}

export interface BenchSection {
  name: string;
  run(context: BenchContext): Promise<Measurement[]>;
}
