/**
 * Kept groups brought up to the reviewers' links as they are, without forming the corpus again:
 * what the review's worker does when it reads them, and `margin story`, `margin export --story`
 * and `margin index --story` before they would form every group for one link.
 */
import {
  type PlacedLink,
  SavedGroups,
  type StoryArticle,
  type StoryConstraint,
  storyKey,
} from '../story/index.js';
import { type ArticlesPlaced, placeWritten } from './story-adding.js';
import type { SavedPlace } from './story-groups.js';
import { regroup } from './story-regroup.js';

type ArticleOf = (id: string) => StoryArticle | undefined;

/**
 * The groups kept at `place`, brought up to `links` where the corpus is as they were formed
 * from (the same texts, under this generation or, read again unchanged, an older one): links
 * and unlinks made since are placed on them (`SavedGroups.place`), placings whose link was
 * taken back are taken back first (`SavedGroups.plan`: an undo in the review, a teammate's
 * withdrawn unlink). `holds` when they then stand for the corpus and the links as they are;
 * else they are as kept (the corpus changed, a link taken back from before every placing kept,
 * a cache folder that cannot be written) and only the engine forming them again gives the
 * groups. Null when none are kept. The caller closes them.
 */
export function keptUpToLinks(
  place: SavedPlace,
  links: readonly StoryConstraint[],
  articleOf: ArticleOf,
): { saved: SavedGroups; holds: boolean; articles?: ArticlesPlaced } | null {
  let saved: SavedGroups | null = SavedGroups.read(place.file);
  if (!saved) return null;
  let articles: ArticlesPlaced | null = null;
  try {
    const key = storyKey(place.generation, links);
    let holds = saved.holdsFor(key);
    const basis = saved.basis();
    if (!holds && basis && basis.generation !== place.generation && place.corpus) {
      // Articles written since (added, changed, removed, or read again unchanged) placed on
      // the groups, for the links they stand for; those made since are placed after.
      const found = saved;
      saved = null;
      try {
        articles = placeWritten(found, basis, place, found.placedFor() ?? basis.links, articleOf);
      } catch (error) {
        // placeWritten closes the file it is handed on its own ways out, not when a read throws.
        found.close();
        throw error;
      }
      saved = SavedGroups.read(place.file);
      if (!saved) throw new Error('the kept story groups could not be read again');
      holds = saved.holdsFor(key);
    }
    if (!holds && !articles && basis && basis.generation !== place.generation) {
      // The index read files again without changing them: the same texts, a new generation,
      // the groups standing for the links they were placed for (or, kept by an older build
      // with no record of those, for these).
      const standsFor = saved.placedFor() ?? basis.links;
      const tries = [standsFor, ...(sameLinks(standsFor, links) ? [] : [links])];
      if (
        tries.some((each) =>
          SavedGroups.renew(place.file, { generation: place.generation, links: each }, place),
        )
      ) {
        saved.close();
        saved = SavedGroups.read(place.file);
        if (!saved) throw new Error('the kept story groups could not be read again');
        holds = saved.holdsFor(key);
      }
    }
    const plan = holds ? null : saved.plan(place.generation, links);
    if (plan) {
      const found = saved;
      const placed = plan.added.flatMap((link) => placedLink(link, found, place, articleOf));
      saved.close();
      saved = null;
      try {
        SavedGroups.place(
          place.file,
          placed,
          key,
          (members) => regroup(members, articleOf, links),
          links,
          plan.revert,
        );
        holds = true;
      } catch {
        // A cache folder that cannot be written: the groups as kept.
      }
      saved = SavedGroups.read(place.file);
      if (!saved) throw new Error('the kept story groups could not be read again');
    }
    return { saved, holds, ...(articles ? { articles } : {}) };
  } catch (error) {
    saved?.close();
    throw error;
  }
}

function sameLinks(a: readonly StoryConstraint[], b: readonly StoryConstraint[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A link by sentence ids, placed by position; none when either article changed or is gone. */
function placedLink(
  link: StoryConstraint,
  saved: SavedGroups,
  place: SavedPlace,
  articleOf: ArticleOf,
): PlacedLink[] {
  const position = ({ article, sentence }: { article: string; sentence: string }) => {
    if (saved.hashOf(article) !== place.hashOf(article)) return -1;
    return articleOf(article)?.sentences.findIndex((each) => each.id === sentence) ?? -1;
  };
  const a = position(link.a);
  const b = position(link.b);
  if (a < 0 || b < 0) return [];
  return [
    {
      kind: link.kind,
      a: { article: link.a.article, sentence: a },
      b: { article: link.b.article, sentence: b },
    },
  ];
}
