import { Box, Text, useInput } from 'ink';
import { type ReactNode, useSyncExternalStore } from 'react';
import { comparedAnnotators } from '../../review/compare.js';
import type { ReviewController } from '../../review/controller.js';
import { keyContext, tooSmallQuitKey } from '../../review/interpret.js';
import { hintsFor, typedKeysIn } from '../../review/keymap.js';
import {
  bodyLines,
  currentArticle,
  cursorOf,
  marksOf,
  problemsOf,
  readerGeometry,
} from '../../review/selectors.js';
import type { ReviewState } from '../../review/state.js';
import { paneLayout } from '../../review/view/layout.js';
import { ownValue } from '../../text/own.js';
import type { Theme } from '../theme.js';
import { ArticleList, listProps } from './ArticleList.js';
import { CompareOverlay } from './CompareOverlay.js';
import { AttributesEditor, NoteEditor } from './Editors.js';
import { GuidelinesOverlay } from './GuidelinesOverlay.js';
import { Header } from './Header.js';
import { HelpOverlay } from './HelpOverlay.js';
import { ProblemsOverlay } from './ProblemsOverlay.js';
import { Reader } from './Reader.js';
import { EmptyCorpus, TooSmall } from './Screens.js';
import { SearchOverlay } from './SearchOverlay.js';
import { StatusBar, saveText } from './StatusBar.js';
import { StoryPanel } from './StoryPanel.js';

export interface AppProps {
  controller: ReviewController;
  theme: Theme;
}

/**
 * The review screen: it draws the controller's state and hands it the keys. Everything else (the
 * writes, the store, search, the corpus still loading) happens in the controller.
 */
export function App({ controller, theme }: AppProps) {
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  useInput((input, key) => controller.press(input, key, performance.now()));
  const repository = controller.repository;

  const { columns, rows } = state.size;
  const layout = paneLayout(state.size);
  if (layout.tooSmall) {
    // Only quitting acts there: what it says (an unsaved note, waiting for writes) is shown with it.
    const said = state.mode.kind === 'quitting' || quitAsked(state) ? state.message : null;
    return (
      <TooSmall
        columns={columns}
        rows={rows}
        said={said?.text ?? null}
        quitKey={tooSmallQuitKey(state)}
        theme={theme}
      />
    );
  }

  const mode = state.mode;
  const bodyHeight = bodyLines(state);
  const article = currentArticle(state);
  const reader = (width: number, focused: boolean) =>
    article ? (
      <Reader
        article={article}
        geometry={readerGeometry(state, article)}
        marks={marksOf(state, article.id)}
        suggestions={ownValue(state.suggestions.byArticle, article.id)}
        dropped={ownValue(state.suggestions.dropped, article.id)}
        cursor={cursorOf(state, article)}
        top={state.top}
        width={width}
        height={bodyHeight}
        focused={focused}
        labels={state.project.labels}
        story={state.story.view}
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
        annotators={repository ? comparedAnnotators(repository) : []}
        width={columns}
        height={bodyHeight}
        theme={theme}
      />
    );
  } else if (mode.kind === 'story') {
    body = <StoryPanel state={state} width={columns} height={bodyHeight} theme={theme} />;
  } else if (mode.kind === 'help') {
    body = (
      <HelpOverlay
        width={columns}
        height={bodyHeight}
        scroll={state.helpTop}
        project={state.project}
        theme={theme}
      />
    );
  } else if (mode.kind === 'problems') {
    body = (
      <ProblemsOverlay
        problems={problemsOf(state)}
        closeKeys={typedKeysIn('problems', 'problems/toggle', state.project.keymap)}
        width={columns}
        height={bodyHeight}
        top={mode.top}
        theme={theme}
      />
    );
  } else if (mode.kind === 'guidelines' && state.project.guidelines) {
    body = (
      <GuidelinesOverlay
        name={state.project.guidelines.name}
        text={state.project.guidelines.text}
        closeKeys={typedKeysIn('guidelines', 'guidelines/toggle', state.project.keymap)}
        width={columns}
        height={bodyHeight}
        top={mode.top}
        theme={theme}
      />
    );
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
      <Box flexDirection="column" height={bodyHeight} overflow="hidden">
        {body}
      </Box>
      {mode.kind === 'attributes' ? (
        <AttributesEditor mode={mode} width={columns} theme={theme} />
      ) : null}
      {mode.kind === 'note' ? (
        <NoteEditor
          mode={mode}
          width={columns}
          hints={hintsFor('note', state.project.keymap)}
          message={state.message}
          save={saveText(state)}
          theme={theme}
        />
      ) : (
        <StatusBar state={state} context={keyContext(state)} theme={theme} />
      )}
    </Box>
  );
}

/** Ctrl+C or q was pressed once with an input's text unsaved. */
function quitAsked(state: ReviewState): boolean {
  const mode = state.mode;
  return (mode.kind === 'note' || mode.kind === 'attributes') && mode.quitAsked === true;
}
