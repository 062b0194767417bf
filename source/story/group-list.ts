/**
 * The groups of a story index in its order, positions only, packed in typed arrays that hold
 * nothing of the index (`StoryIndex.groupList`): a command that only keeps the groups
 * (`margin index --story`) makes them and lets go of the index before writing them. At 100,000
 * articles the index (its pools, edges and band orders) stood some 200 MB beside SQLite's
 * writing of the groups, the process's peak; made as objects, the 2 million members took some
 * 60 MB of heap more.
 */
import type { StoryCluster } from './types.js';

/** A `GroupList`'s arrays, its groups' members named by article number. */
export interface PackedGroups {
  starts: Int32Array;
  articles: Int32Array;
  sentences: Int32Array;
  fingerprints: Uint32Array;
}

export class GroupList {
  /**
   * Group `g`'s members stand at `starts[g]` … `starts[g + 1]` of `articles` (numbers in
   * `articleIds`, the index's list: its strings, not copies) and `sentences`, anchor first;
   * its anchor sentence's fingerprint at `fingerprints[2g]`, `[2g + 1]` (its id).
   */
  constructor(
    private readonly articleIds: readonly string[],
    private readonly starts: Int32Array,
    private readonly articles: Int32Array,
    private readonly sentences: Int32Array,
    private readonly fingerprints: Uint32Array,
  ) {}

  get size(): number {
    return this.starts.length - 1;
  }

  /** The arrays (to hand to another thread, `SavingThread`), the article ids aside. */
  get packed(): PackedGroups {
    const { starts, articles, sentences, fingerprints } = this;
    return { starts, articles, sentences, fingerprints };
  }

  /** Each group as the index gives it (`StoryIndex.groupsInOrder`), made as it is asked for. */
  *clusters(): Generator<StoryCluster> {
    for (let group = 0; group < this.size; group++) {
      const members = [];
      for (let at = this.starts[group]!; at < this.starts[group + 1]!; at++) {
        members.push({
          article: this.articleIds[this.articles[at]!]!,
          sentence: this.sentences[at]!,
        });
      }
      const anchor = members[0]!;
      const id = groupId(
        anchor.article,
        this.fingerprints[2 * group]!,
        this.fingerprints[2 * group + 1]!,
      );
      yield { id, anchor: { ...anchor }, members };
    }
  }
}

/** `story-` and 12 hex digits from the anchor's article id and the anchor sentence's words. */
export function groupId(article: string, h1: number, h2: number): string {
  let a = h1 ^ 0x9e3779b9;
  let b = h2 ^ 0x85ebca6b;
  for (let i = 0; i < article.length; i++) {
    a = Math.imul(a ^ article.charCodeAt(i), 0x01000193);
    b = Math.imul(b ^ article.charCodeAt(i), 0x5bd1e995);
  }
  const hex = (value: number) => (value >>> 0).toString(16).padStart(8, '0');
  return `story-${hex(a)}${hex(b).slice(0, 4)}`;
}
