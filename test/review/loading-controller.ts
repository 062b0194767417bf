import {
  type CorpusEvent,
  ReviewController,
  type ReviewControllerOptions,
} from '../../source/review/controller.js';
import { initialState } from '../../source/review/state.js';
import type { Repository } from '../../source/store/repository.js';

/**
 * A started controller as a large corpus's review begins: no article listed yet, the list
 * loading and the store not open; `send` hands it what the corpus's read then says (`progress`,
 * `loaded`), in the order a test chooses.
 */
export function loadingController(
  store: Promise<Repository>,
  journal?: ReviewControllerOptions['journal'],
) {
  let listener: ((event: CorpusEvent) => void) | null = null;
  const controller = new ReviewController({
    initial: initialState({
      corpusName: 'fixtures',
      annotator: 'alice',
      size: { columns: 70, rows: 15 },
      articles: [],
      loading: { done: 0, total: 0 },
      storeOpen: false,
    }),
    store,
    corpus: (given) => {
      listener = given;
      return () => undefined;
    },
    ...(journal ? { journal } : {}),
  });
  controller.start();
  const send = (event: CorpusEvent) => {
    if (listener === null) throw new Error('the controller did not ask for the corpus');
    listener(event);
  };
  return { controller, send };
}
