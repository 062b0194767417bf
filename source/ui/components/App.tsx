import { Box, Text, useApp, useInput, useStdout } from 'ink';
import { type Dispatch, type ReactNode, useEffect, useMemo, useReducer, useRef } from 'react';
import type { Article } from '../../corpus/types.js';
import type { Action } from '../../review/actions.js';
import { comparedAnnotators, compareRows } from '../../review/compare.js';
import { EffectQueue } from '../../review/effects.js';
import { keyContext, reduce } from '../../review/reducer.js';
import { currentArticle, cursorOf, marksOf, readerLines } from '../../review/selectors.js';
import type { ReviewState } from '../../review/state.js';
import { snapshotMarks } from '../../review/sync.js';
import type { SearchHit } from '../../search/types.js';
import type { Repository } from '../../store/repository.js';
import { hintsFor } from '../keymap.js';
import { paneLayout } from '../layout.js';
import type { Theme } from '../theme.js';
import { ArticleList, listProps } from './ArticleList.js';
import { CompareOverlay } from './CompareOverlay.js';
import { AttributesEditor, NoteEditor } from './Editors.js';
import { Header } from './Header.js';
import { HelpOverlay } from './HelpOverlay.js';
import { Reader } from './Reader.js';
import { EmptyCorpus, TooSmall } from './Screens.js';
import { SearchOverlay } from './SearchOverlay.js';
import { StatusBar, saveText } from './StatusBar.js';

export interface AppProps {
  initial: ReviewState;
  repository: Repository;
  theme: Theme;
  /** Runs the query for the `/` overlay; absent until search is available. */
  search?: (query: string) => SearchHit[];
  /** Feeds outside events (corpus loading, store changes) in; returns a cleanup. */
  connect?: (dispatch: Dispatch<Action>) => (() => void) | undefined;
  /** Writes wait for this (the store placing annotations on the loaded corpus). */
  ready?: Promise<void>;
  /** Told when the app leaves: how many writes were given up on (a forced quit). */
  onExit?: (unsaved: number) => void;
  retryDelays?: readonly number[];
}

/** The review screen: one reducer, one input handler, a serial queue of writes. */
export function App({
  initial,
  repository,
  theme,
  search,
  connect,
  ready,
  onExit,
  retryDelays,
}: AppProps) {
  const [state, dispatch] = useReducer(reduce, initial);
  const { exit } = useApp();
  const { stdout } = useStdout();
  const articles = useRef<Article[]>(state.articles);
  articles.current = state.articles;
  const byId = useMemo(() => new Map<string, Article>(), []);

  const queue = useMemo(() => {
    const touched = new Set<string>();
    return new EffectQueue({
      repository,
      ready,
      article: (id) => {
        if (!byId.has(id)) for (const article of articles.current) byId.set(article.id, article);
        return byId.get(id);
      },
      retryDelays,
      onProgress: (pending, error) => dispatch({ type: 'save/progress', pending, error }),
      onDone: ({ message, articles: changed, pending }) => {
        for (const id of changed) touched.add(id);
        if (message) dispatch({ type: 'save/result', message });
        // Re-reading the store only once the queue is empty keeps later optimistic changes
        // from flickering back while their writes are still on the way.
        if (pending === 0 && touched.size > 0) {
          dispatch({ type: 'store/synced', marks: snapshotMarks(repository, [...touched]) });
          touched.clear();
        }
      },
    });
  }, [repository, ready, retryDelays, byId]);

  const taken = useRef(0);
  // Articles changed before the store opened: their marks on screen are ahead of the store's
  // until the queued writes are done, so the store's first snapshot leaves them alone.
  const aheadOfStore = useRef(new Set<string>());
  const storeOpen = state.storeOpen;
  useEffect(() => {
    const fresh = state.outbox.filter((queued) => queued.id > taken.current);
    if (fresh.length === 0) return;
    for (const queued of fresh) {
      queue.push(queued.effect);
      if (!storeOpen && 'article' in queued.effect) aheadOfStore.current.add(queued.effect.article);
    }
    taken.current = fresh[fresh.length - 1]!.id;
    dispatch({ type: 'effects/taken', through: taken.current, pending: queue.pending });
  }, [state.outbox, queue, storeOpen]);

  useEffect(() => {
    const unwatch = repository.watch((event) => {
      dispatch({ type: 'store/synced', marks: snapshotMarks(repository, event.articles) });
    });
    const disconnect = connect?.((action) => {
      if (action.type !== 'store/opened' || aheadOfStore.current.size === 0)
        return dispatch(action);
      // The write queue re-reads these articles from the store once their writes are done.
      const marks = { ...action.marks };
      for (const id of aheadOfStore.current) delete marks[id];
      aheadOfStore.current.clear();
      dispatch({ ...action, marks });
    });
    return () => {
      unwatch();
      disconnect?.();
    };
  }, [repository, connect]);

  useEffect(() => {
    const onResize = () =>
      dispatch({ type: 'terminal/resize', size: { columns: stdout.columns, rows: stdout.rows } });
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);

  useEffect(() => {
    if (!state.quit && !state.forceQuit) return;
    if (state.forceQuit) queue.stop();
    onExit?.(state.forceQuit ? queue.pending : 0);
    exit();
  }, [state.quit, state.forceQuit, queue, exit, onExit]);

  // The compare table is read from the store when it opens and again whenever marks change.
  const compareArticle = state.mode.kind === 'compare' ? state.mode.article : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: new marks mean the store changed
  useEffect(() => {
    if (!compareArticle) return;
    const article = state.articles.find((a) => a.id === compareArticle);
    if (!article) return;
    dispatch({
      type: 'compare/rows',
      article: compareArticle,
      rows: compareRows(repository, article),
    });
  }, [compareArticle, state.marks, state.articles, repository]);

  useInput((input, key) => dispatch({ type: 'input', input, key, at: performance.now() }));

  // The query is typed into the reducer; its results are computed here, outside it.
  const pendingQuery =
    state.mode.kind === 'search' && state.mode.hitsFor !== state.mode.query
      ? state.mode.query
      : null;
  useEffect(() => {
    if (pendingQuery === null) return;
    dispatch({
      type: 'search/query',
      query: pendingQuery,
      hits: search ? search(pendingQuery) : [],
    });
  }, [pendingQuery, search]);

  const { columns, rows } = state.size;
  const layout = paneLayout(state.size);
  if (layout.tooSmall) return <TooSmall columns={columns} rows={rows} theme={theme} />;

  const mode = state.mode;
  const editorLines = mode.kind === 'attributes' ? mode.fields.length : 0;
  const bodyHeight = layout.bodyHeight - editorLines;
  const article = currentArticle(state);
  const reader = (width: number, focused: boolean) =>
    article ? (
      <Reader
        article={article}
        lines={readerLines(state, article)}
        marks={marksOf(state, article.id)}
        cursor={cursorOf(state, article)}
        top={state.top}
        width={width}
        height={bodyHeight}
        focused={focused}
        theme={theme}
      />
    ) : (
      <Box width={width} height={bodyHeight} />
    );

  let body: ReactNode;
  if (mode.kind === 'compare') {
    body = (
      <CompareOverlay
        state={state}
        annotators={comparedAnnotators(repository)}
        width={columns}
        height={bodyHeight}
        theme={theme}
      />
    );
  } else if (mode.kind === 'help') {
    body = <HelpOverlay width={columns} height={bodyHeight} scroll={state.helpTop} theme={theme} />;
  } else if (mode.kind === 'search') {
    body = <SearchOverlay state={state} width={columns} height={bodyHeight} theme={theme} />;
  } else if (state.articles.length === 0 && !state.loading) {
    body = (
      <EmptyCorpus
        corpus={state.corpusName}
        warnings={state.warnings}
        width={columns}
        theme={theme}
      />
    );
  } else if (layout.split) {
    body = (
      <Box flexDirection="row" height={bodyHeight}>
        <ArticleList
          {...listProps(state)}
          width={layout.listWidth}
          focused={state.focus === 'list'}
          theme={theme}
        />
        <Box width={1} height={bodyHeight} flexDirection="column">
          <Text dimColor={theme.dim}>{'│\n'.repeat(bodyHeight).trimEnd()}</Text>
        </Box>
        {reader(layout.readerWidth, state.focus === 'reader')}
      </Box>
    );
  } else {
    body =
      state.focus === 'list' ? (
        <ArticleList {...listProps(state)} width={columns} focused theme={theme} />
      ) : (
        reader(columns, true)
      );
  }

  return (
    <Box flexDirection="column" width={columns} height={rows - 1}>
      <Header state={state} theme={theme} />
      <Box flexDirection="column" height={bodyHeight}>
        {body}
      </Box>
      {mode.kind === 'attributes' ? (
        <AttributesEditor mode={mode} width={columns} theme={theme} />
      ) : null}
      {mode.kind === 'note' ? (
        <NoteEditor
          mode={mode}
          width={columns}
          hints={hintsFor('note')}
          save={saveText(state)}
          theme={theme}
        />
      ) : (
        <StatusBar state={state} context={keyContext(state)} theme={theme} />
      )}
    </Box>
  );
}
