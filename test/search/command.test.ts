import { mkdir, mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { runCommand } from '../../source/commands/run.js';
import { command } from '../../source/commands/search.js';
import { loadCorpus } from '../../source/corpus/index.js';
import { Engine } from '../../source/search/engine.js';
import { SearchStopped } from '../../source/search/index.js';
import { openRepository } from '../../source/store/index.js';

const root = join(import.meta.dirname, '../..');
const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/**
 * The cache of the searches of the seeds, one for the file: the seeds are never written, so
 * their index, built by the first search, serves the others as it serves a reviewer's next
 * search. A cache per search cleaned the five seeds again on a new thread each time, some 250 ms
 * of CPU. How a search meets files changed behind its index is tested below, on a corpus of its
 * own.
 */
const seedsCache = mkdtemp(join(tmpdir(), 'margin-search-cache-'));
afterAll(async () => {
  await rm(await seedsCache, { recursive: true, force: true });
});

async function scratch(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'margin-search-'));
  made.push(dir);
  return dir;
}

function sink() {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

/**
 * Runs `margin search` on the seeds as the CLI would after meow parsed the flags; `terminal`:
 * its stderr is a terminal, as when a person runs it.
 */
async function search(
  args: string[],
  flags: Record<string, unknown> = {},
  store?: string,
  terminal = false,
) {
  const dir = await scratch();
  const out = sink();
  const err = sink();
  if (terminal) Object.assign(err.stream, { isTTY: true, columns: 100 });
  const status = await runCommand(
    command,
    args,
    {
      corpus: 'seeds',
      store: store ?? join(dir, 'annotations'),
      annotator: 'ana',
      json: false,
      limit: 20,
      ...flags,
    },
    {
      stdout: out.stream,
      stderr: err.stream,
      stdin: new PassThrough(),
      env: { XDG_CACHE_HOME: await seedsCache },
      cwd: root,
    },
  );
  return { status, stdout: out.text(), stderr: err.text() };
}

/** What stderr said, without the progress lines a terminal is shown and cleared. */
const said = (text: string) => text.replace(/\r[^\n]*?\x1b\[K/g, '');

describe('margin search', () => {
  it('says a name: that is no filter when nothing is found, instead of a bare no', async () => {
    // qa50: `speaker:Waltz` exited 1 in silence, as if no quote had that speaker.
    const result = await search(['speaker:Peskov']);
    expect(result).toEqual({
      status: 1,
      stdout: '',
      stderr:
        'margin search: speaker: is not a filter (label:, source:, annotator:, status:); attribute values are found as words: search the value alone\n',
    });
    expect((await search(['Peskov', 'said:'], { limit: 1 })).stderr).toBe('');
  });

  it('prints article, sentence, score and text, exact matches first', async () => {
    const result = await search(['Witkov'], { limit: 4 });
    expect(result).toEqual({
      status: 0,
      stderr: '',
      stdout: [
        '004_acb5286eff63b7e7\tsfdf4c6d0\t1.000\tSteve Witkov arrived in Moscow and informed the Russian president of a joint statement signed between the US and Ukraine in Saudi Arabia.',
        '004_acb5286eff63b7e7\ts1c70d546\t1.000\tOn Friday, a Russian spokesman explained to journalists, saying that the Russian head of state gave Witkov “information and additional signals about President Trump.”',
        '004_acb5286eff63b7e7\ts55c95003\t1.000\tWitkov traveled to Russia last month to negotiate a prisoner exchange.',
        "000_4b207f45d15cbf96\tsc6bb9bd1\t0.600\tUS envoy Steve Witkoff met Mr Putin in Moscow late on Thursday and will relay the Russian leader's views on a ceasefire to the White House, the Kremlin said.",
        '',
      ].join('\n'),
    });
  });

  it('finds "cautiously optimistic" in 000 and 001, the words joined from the arguments', async () => {
    const expected = [
      '000_4b207f45d15cbf96\tsebe94c1d\t1.000\t“There are reasons to be cautiously optimistic.”',
      '001_d7fb493d5d978b6e\tsebe94c1d\t1.000\t“There are reasons to be cautiously optimistic.”',
      '',
    ].join('\n');
    expect((await search(['"cautiously optimistic"'])).stdout).toBe(expected);
    expect((await search(['"cautiously', 'optimistic"'])).stdout).toBe(expected);
  });

  it('--json prints hits with labels and highlight ranges', async () => {
    const result = await search(['Zelensky'], { json: true, limit: 1 });
    expect(result.status).toBe(0);
    const hits = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(hits).toHaveLength(1);
    const [hit] = hits as [{ text: string; matches: Array<[number, number]> }];
    expect(Object.keys(hit)).toEqual(['article', 'sentence', 'score', 'text', 'labels', 'matches']);
    expect(hit.matches.map(([start, end]) => hit.text.slice(start, end))).toEqual(['Zelenskyy']);
  });

  it('--json counts highlight ranges in code points past an emoji, as show --json and the exports do', async () => {
    const dir = await scratch();
    await mkdir(join(dir, 'corpus'));
    await writeFile(
      join(dir, 'corpus', 'fans.txt'),
      'Fans 👍🏽 cheered Zelenskyy at the final in Kyiv.\n',
    );
    const result = await search(['Zelensky'], { json: true, corpus: join(dir, 'corpus') });
    const [hit] = JSON.parse(result.stdout) as [{ text: string; matches: Array<[number, number]> }];
    const points = [...hit.text];
    expect(hit.matches.map(([start, end]) => points.slice(start, end).join(''))).toEqual([
      'Zelenskyy',
    ]);
  });

  it('tells a person at the terminal how many match when the hits fill the limit', async () => {
    // qa52: `--limit 20` printed 20 lines where 635 matched, and nothing said there were more.
    const every = (await search(['Witkov'], { limit: 1000 })).stdout.trim().split('\n');
    expect(every.length).toBeGreaterThan(4);
    const more = (shown: number, total: number) =>
      `margin search: ${shown} of ${total} matching sentences shown: --limit ${total} shows them all\n`;
    const limited = await search(['Witkov'], { limit: 4 }, undefined, true);
    expect(limited.stdout.trim().split('\n')).toEqual(every.slice(0, 4));
    expect(said(limited.stderr)).toBe(more(4, every.length));
    // All of them shown: nothing to say. Through a pipe nothing is counted (above: stderr '').
    expect(said((await search(['Witkov'], { limit: 1000 }, undefined, true)).stderr)).toBe('');
    const json = await search(['Witkov'], { limit: 4, json: true }, undefined, true);
    expect(said(json.stderr)).toBe('');
    // Beside a store: the hits no store file can change fill the limit, then the store's search.
    const store = join(await scratch(), 'annotations');
    const { articles } = await loadCorpus(join(root, 'seeds'), { cacheDir: null });
    const repository = await openRepository({ root: store, annotator: 'ben', articles });
    const witkoff = articles.flatMap((article) =>
      article.sentences
        .filter((sentence) => sentence.text.includes('Witkoff'))
        .map((sentence) => ({ article, sentence })),
    );
    for (const { article, sentence } of witkoff.slice(0, 3)) {
      await repository.tag(article, sentence.id, 'claim');
    }
    await repository.close();
    const beside = await search(['Witkov'], { limit: 2 }, store, true);
    expect(beside.stdout.trim().split('\n')).toEqual(every.slice(0, 2));
    expect(said(beside.stderr)).toBe(more(2, every.length));
    const claims = await search(['label:claim', 'Witkov'], { limit: 1 }, store, true);
    expect(claims.stdout.trim().split('\n')).toHaveLength(1);
    expect(said(claims.stderr)).toBe(more(1, 3));
  });

  it('says how many match from the search itself, with no count after the hits', async () => {
    // At 100,000 articles the count after printing could take its whole 0.5 s and give up,
    // though the search had just ranked every match: here every count gives up at once.
    const count = vi.spyOn(Engine.prototype, 'count').mockImplementation(() => {
      throw new SearchStopped();
    });
    try {
      const every = (await search(['Witkov', '-Moscow'], { limit: 1000 })).stdout;
      const total = every.trim().split('\n').length;
      expect(total).toBeGreaterThan(2);
      const more = (shown: number, all: number) =>
        `margin search: ${shown} of ${all} matching sentences shown: --limit ${all} shows them all\n`;
      const alone = await search(['Witkov', '-Moscow'], { limit: 2 }, undefined, true);
      expect(said(alone.stderr)).toBe(more(2, total));
      // Beside a store: first the hits no store file can change, then the store's own search.
      const store = join(await scratch(), 'annotations');
      const { articles } = await loadCorpus(join(root, 'seeds'), { cacheDir: null });
      const repository = await openRepository({ root: store, annotator: 'ben', articles });
      const witkoff = articles.flatMap((article) =>
        article.sentences
          .filter((sentence) => /Witkoff/.test(sentence.text) && !/Moscow/.test(sentence.text))
          .map((sentence) => ({ article, sentence })),
      );
      for (const { article, sentence } of witkoff.slice(0, 3)) {
        await repository.tag(article, sentence.id, 'claim');
      }
      await repository.close();
      const sure = await search(['Witkov', '-Moscow'], { limit: 2 }, store, true);
      expect(said(sure.stderr)).toBe(more(2, total));
      const claims = await search(['label:claim', 'Witkov', '-Moscow'], { limit: 1 }, store, true);
      expect(said(claims.stderr)).toBe(more(1, 3));
      expect(count).not.toHaveBeenCalled();
    } finally {
      count.mockRestore();
    }
  });

  it('label:quote lists exactly what was tagged in the store', async () => {
    const store = join(await scratch(), 'annotations');
    const { articles } = await loadCorpus(join(root, 'seeds'), { cacheDir: null });
    const repository = await openRepository({ root: store, annotator: 'ben', articles });
    const [first, , , , fifth] = articles;
    await repository.tag(first!, first!.sentences[3]!.id, 'quote');
    await repository.tag(fifth!, fifth!.sentences[0]!.id, 'quote');
    await repository.tag(fifth!, fifth!.sentences[1]!.id, 'claim');
    await repository.close();
    const result = await search(['label:quote'], {}, store);
    expect(result.stdout.split('\n').map((row) => row.split('\t').slice(0, 3).join(' '))).toEqual([
      `${first!.id} ${first!.sentences[3]!.id} 1.000`,
      `${fifth!.id} ${fifth!.sentences[0]!.id} 1.000`,
      '',
    ]);
    const json = JSON.parse(
      (await search(['label:quote', 'Witkov'], { json: true }, store)).stdout,
    );
    expect(json).toEqual([
      {
        article: fifth!.id,
        sentence: fifth!.sentences[0]!.id,
        score: 1,
        text: fifth!.sentences[0]!.text,
        labels: ['quote'],
        matches: [[6, 12]],
      },
    ]);
  });

  it('reads an exclusion given as its own argument (after -- on a shell)', async () => {
    const result = await search(['Witkoff', '-Putin', 'Moscow']);
    expect(result.stdout.split('\n').map((row) => row.split('\t').slice(0, 3).join(' '))).toEqual([
      '000_4b207f45d15cbf96 s9c3ed4fd 1.000',
      '002_95852239c1d84bad sfad2b084 1.000',
      '004_acb5286eff63b7e7 sfdf4c6d0 0.800',
      '',
    ]);
  });

  it('exits 1 with nothing on stdout when nothing matches, like grep, and says so on stderr', async () => {
    // qa56 #5: a search that found nothing exited 1 in silence.
    const said = 'margin search: no sentence, title or note matches "Kissinger"\n';
    expect(await search(['Kissinger'])).toEqual({ status: 1, stdout: '', stderr: said });
    expect(await search(['Kissinger'], { json: true })).toEqual({
      status: 1,
      stdout: '[]\n',
      stderr: said,
    });
  });

  it('exits 2 on an empty query, a bad filter or a bad limit', async () => {
    expect(await search([])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'margin search: no query given. Run `margin search --help` for the syntax.\n',
    });
    expect(await search(['Witkov', 'status:finished'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'margin search: status:finished: expected one of done, in-progress, unreviewed\n',
    });
    expect((await search(['Witkov'], { limit: 0 })).status).toBe(2);
  });

  it('exits 2 saying why on a query of punctuation only, but takes filters and exclusions alone', async () => {
    expect(await search(['...', '"'])).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'margin search: nothing to search for in "... \\"": a query needs a word, a "phrase" or a filter\n',
    });
    expect((await search(['-Putin'], { limit: 1 })).status).toBe(0);
    expect((await search(['label:quote'])).status).toBe(1);
  });

  it('takes a 200-character query; a begun name scores as a prefix, by how much was typed', async () => {
    const long = await search([Array(8).fill('Witkoff met Putin in Moscow').join(' ')], {
      limit: 3,
    });
    expect(long.status).toBe(0);
    expect(long.stdout.split('\n').map((row) => row.split('\t').slice(0, 3).join(' '))).toEqual([
      '000_4b207f45d15cbf96 sc6bb9bd1 1.000',
      '001_d7fb493d5d978b6e sb46dab89 1.000',
      '',
    ]);
    const scores = (await search(['Zelensk'])).stdout
      .split('\n')
      .filter(Boolean)
      .map((row) => row.split('\t')[2]);
    // 7 of Zelenskyy's 9 letters: 0.7 + 0.2 × 7/9.
    expect(scores).toEqual(['0.856', '0.856']);
  });
});

describe('margin search on a corpus edited behind it', () => {
  /** Runs the search as the CLI does, with one cache folder across runs (the index stays warm). */
  async function searchIn(corpus: string, cache: string, store: string, query: string) {
    const out = sink();
    const err = sink();
    const status = await runCommand(
      command,
      [query],
      { corpus, store, annotator: 'ana', json: false, limit: 20 },
      {
        stdout: out.stream,
        stderr: err.stream,
        stdin: new PassThrough(),
        env: { XDG_CACHE_HOME: cache },
        cwd: root,
      },
    );
    return { status, stdout: out.text(), stderr: err.text() };
  }

  const article = (body: string) =>
    `Port news\n\n${body} Officials said more ships were expected later in the week.\n`;

  it('never answers from the old text of a file edited in place, with or without a store', async () => {
    for (const withStore of [false, true]) {
      const dir = await scratch();
      const corpus = join(dir, 'corpus');
      const store = join(dir, 'annotations');
      await mkdir(corpus);
      await writeFile(join(corpus, 'a.txt'), article('The harbour of Varna reopened on Monday.'));
      await writeFile(join(corpus, 'b.txt'), article('Grain prices fell again on Tuesday.'));
      if (withStore) {
        const { articles } = await loadCorpus(corpus, { cacheDir: null });
        const repository = await openRepository({ root: store, annotator: 'ana', articles });
        await repository.tag(articles[1]!, articles[1]!.sentences[0]!.id, 'claim');
        await repository.close();
      }
      const cache = join(dir, 'cache');
      const before = await searchIn(corpus, cache, store, 'harbour');
      expect(before.stdout).toContain('The harbour of Varna reopened on Monday.');
      // Edited in place, as an editor saving over the file does: the folder's time stays.
      const folderTime = (await stat(corpus)).mtime;
      await writeFile(join(corpus, 'a.txt'), article('The airport of Varna reopened on Monday.'));
      await utimes(corpus, folderTime, folderTime);
      const after = await searchIn(corpus, cache, store, 'harbour');
      expect(after).toEqual({
        status: 1,
        stdout: '',
        stderr: 'margin search: no sentence, title or note matches "harbour"\n',
      });
      // The edited file was read again: its new text is found.
      const found = await searchIn(corpus, cache, store, 'airport');
      expect(found.stdout).toContain('The airport of Varna reopened on Monday.');
    }
  });
});

describe('margin search of a figure with a minus (qa56 #5)', () => {
  it('reads - before a number as its sign, and ranks the negative figure first', async () => {
    const dir = await scratch();
    const corpus = join(dir, 'corpus');
    await mkdir(corpus);
    await writeFile(
      join(corpus, 'a.txt'),
      'Growth\n\nGDP changed by -3.5% in the first quarter, the office said.\n\n' +
        'Exports rose 3.5% in March, the office said.\n\nDer Index fiel um \u22123,5 % im Februar.\n',
    );
    const run = async (query: string) => {
      const out = sink();
      const err = sink();
      const status = await runCommand(
        command,
        [query],
        { corpus, store: join(dir, 'annotations'), annotator: 'ana', json: false, limit: 20 },
        {
          stdout: out.stream,
          stderr: err.stream,
          stdin: new PassThrough(),
          env: { XDG_CACHE_HOME: join(dir, 'cache') },
          cwd: root,
        },
      );
      const hits = out
        .text()
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split('\t'))
        .map(([, , score, text]) => `${score} ${text!.slice(0, 20)}`);
      return { status, hits, stderr: err.text() };
    };
    const negative = [
      '1.000 GDP changed by -3.5%',
      '1.000 Der Index fiel um \u22123',
      '0.800 Exports rose 3.5% in',
    ];
    // It found nothing and said nothing: the query was a word left out.
    expect(await run('-3.5%')).toEqual({ status: 0, hits: negative, stderr: '' });
    // The phrase found the positive figure at 1.000 too.
    expect(await run('"-3.5%"')).toEqual({ status: 0, hits: negative, stderr: '' });
    expect((await run('3.5%')).hits.map((hit) => hit.slice(0, 5))).toEqual([
      '1.000',
      '1.000',
      '1.000',
    ]);
    // A word is still left out with -.
    expect((await run('-Exports')).hits).toHaveLength(2);
  });
});
