import { groupedDigits } from '../text/grouped-digits.js';
import type { Output } from './output.js';
import type { StoryStage } from './story-groups.js';

/**
 * `story: reading 45,000 of 100,000 articles`, then `story: comparing and grouping · 31 s`, on
 * stderr's terminal: forming the groups of a large corpus takes a minute, which a silent
 * terminal made look like a hang. The seconds are redrawn by a timer, which runs between the
 * chunks the index's thread compares. Nothing is drawn until the forming begins: groups read
 * back from where they were kept need no line.
 */
export class StageLine {
  #stage: StoryStage | null = null;
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
    const moved = stage.stage !== this.#stage?.stage;
    this.#stage = stage;
    if (moved || performance.now() - this.#drawn >= STAGE_MS) this.#draw();
  }

  end(): void {
    clearInterval(this.#timer);
    if (this.#line !== '') this.output.progress(null);
  }

  #draw(): void {
    const stage = this.#stage;
    if (stage === null) return;
    this.#drawn = performance.now();
    const seconds = Math.round((this.#drawn - this.started) / 1000);
    const doing =
      stage.stage === 'reading'
        ? `reading ${groupedDigits(stage.done)}${stage.total === null ? '' : ` of ${groupedDigits(stage.total)}`} articles`
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
