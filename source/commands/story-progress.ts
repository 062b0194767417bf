import type { Output } from './output.js';
import type { StoryStage } from './story-groups.js';

/**
 * `story: reading 45,000 of 100,000 articles`, then `story: comparing and grouping · 31 s`, on
 * stderr's terminal: forming the groups of a large corpus takes a minute, which a silent
 * terminal made look like a hang. The seconds are redrawn by a timer, which runs between the
 * chunks the index's thread compares.
 */
export class StageLine {
  #stage: StoryStage = { stage: 'reading', done: 0, total: 0 };
  #drawn = 0;
  #line = '';
  readonly #timer: NodeJS.Timeout;

  /** A line on stderr's terminal; none where stderr is not one. */
  static on(output: Output, started = performance.now()): StageLine | null {
    return output.stderrColumns === null ? null : new StageLine(output, started);
  }

  private constructor(
    private readonly output: Output,
    private readonly started: number,
  ) {
    this.#timer = setInterval(() => this.#draw(), STAGE_MS);
    this.#timer.unref();
  }

  show(stage: StoryStage): void {
    const moved = stage.stage !== this.#stage.stage;
    this.#stage = stage;
    if (moved || performance.now() - this.#drawn >= STAGE_MS) this.#draw();
  }

  end(): void {
    clearInterval(this.#timer);
    this.output.progress(null);
  }

  #draw(): void {
    this.#drawn = performance.now();
    const stage = this.#stage;
    const seconds = Math.round((this.#drawn - this.started) / 1000);
    const doing =
      stage.stage === 'reading'
        ? `reading ${stage.done.toLocaleString('en-US')}${stage.total === null ? '' : ` of ${stage.total.toLocaleString('en-US')}`} articles`
        : stage.stage === 'comparing'
          ? 'comparing and grouping the sentences'
          : 'keeping the groups';
    const line = `story: ${doing} · ${seconds} s`;
    if (line !== this.#line) this.output.progress(line);
    this.#line = line;
  }
}

/** How often the story's progress line is redrawn. */
const STAGE_MS = 250;
