import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../bench/harness/args.js';
import { historyFile, readPrevious, saveReport } from '../../bench/harness/history.js';
import type { BenchReport, SectionResult } from '../../bench/harness/results.js';
import { validateMeasurements } from '../../bench/harness/results.js';
import { runSectionInProcess } from '../../bench/harness/section.js';
import { sections } from '../../bench/sections/index.js';

describe('parseBenchArgs', () => {
  it('has defaults for a full run', () => {
    expect(parseBenchArgs([])).toEqual({
      quick: false,
      huge: false,
      json: false,
      only: null,
      articles: null,
      seed: null,
      inProcess: false,
      timeoutSeconds: 1800,
      help: false,
    });
  });

  it('reads every flag, --only as a list in either form', () => {
    expect(
      parseBenchArgs([
        '--quick',
        '--json',
        '--only',
        'store, search',
        '--only=ui',
        '--articles',
        '2000',
        '--seed=9',
        '--timeout',
        '60',
        '--in-process',
        '--huge',
      ]),
    ).toEqual({
      quick: true,
      huge: true,
      json: true,
      only: ['store', 'search', 'ui'],
      articles: 2000,
      seed: 9,
      inProcess: true,
      timeoutSeconds: 60,
      help: false,
    });
  });

  it('gives a million articles hours, not half an hour, unless told', () => {
    expect(parseBenchArgs(['--articles', '1000000']).timeoutSeconds).toBe(4 * 3600);
    expect(parseBenchArgs(['--huge']).timeoutSeconds).toBe(4 * 3600);
    expect(parseBenchArgs(['--articles', '100000']).timeoutSeconds).toBe(1800);
    expect(parseBenchArgs(['--huge', '--timeout', '60']).timeoutSeconds).toBe(60);
  });

  it('refuses unknown flags and bad numbers with a message', () => {
    expect(() => parseBenchArgs(['--fast'])).toThrow("Unknown option '--fast'");
    expect(() => parseBenchArgs(['--articles', 'many'])).toThrow(
      '--articles needs a positive whole number, got "many"',
    );
    expect(() => parseBenchArgs(['--timeout', '0'])).toThrow(
      '--timeout needs a positive whole number, got "0"',
    );
  });
});

describe('validateMeasurements', () => {
  const ok = { section: 's', name: 'n', unit: 'ms', median: 1 };

  it('passes well-formed measurements through', () => {
    expect(validateMeasurements('s', [ok])).toEqual([ok]);
  });

  it.each([
    [null, 'section s did not return an array of measurements'],
    [[3], 'measurement 1 of section s is not an object'],
    [[ok, { ...ok, unit: '' }], 'measurement 2 of section s has no unit'],
    [[{ ...ok, median: '1 ms' }], 'measurement 1 of section s (n): median is not a number'],
    [
      [{ section: 's', name: 'n', unit: 'ms' }],
      'measurement 1 of section s (n) has no median, p95 or value',
    ],
    [
      [{ ...ok, reference: { name: 'fzf' } }],
      'measurement 1 of section s (n): reference needs name, value and ratio',
    ],
  ])('refuses %j', (value, message) => {
    expect(() => validateMeasurements('s', value)).toThrow(message);
  });
});

describe('history', () => {
  const options = { quick: true, articles: 500, seed: 1, inProcess: false };
  const section = (name: string, value: number): SectionResult => ({
    name,
    ok: true,
    durationMs: 1,
    peakRssMB: 10,
    measurements: [{ section: name, name: 'm', unit: 'ms', value }],
  });
  const report = (sections: SectionResult[], date: string): BenchReport => ({
    version: 1,
    date,
    machine: { node: 'v20', cpu: 'cpu', cores: 2, platform: 'linux x64', memoryGB: 8 },
    options,
    sections,
    failed: [],
  });

  it('keeps one file per corpus size', () => {
    expect(historyFile('/b', { ...options, articles: 10_000 }, 10_000, 500)).toBe('/b/last.json');
    expect(historyFile('/b', options, 10_000, 500)).toBe('/b/last-quick.json');
    expect(historyFile('/b', { ...options, articles: 42 }, 10_000, 500)).toBe('/b/last-42.json');
  });

  it('saves the run and keeps the figures of sections --only skipped', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'margin-bench-history-'));
    try {
      const file = path.join(dir, 'last-quick.json');
      expect(await readPrevious(file, options)).toBeNull();
      await saveReport(file, report([section('store', 1), section('search', 2)], 'first'), null);
      const previous = await readPrevious(file, options);
      expect(previous?.date).toBe('first');

      await saveReport(file, report([section('search', 3)], 'second'), previous);
      const saved = JSON.parse(await readFile(file, 'utf8')) as BenchReport;
      expect(saved.date).toBe('second');
      expect(saved.sections.map((s) => [s.name, s.measurements[0]!.value])).toEqual([
        ['search', 3],
        ['store', 1],
      ]);

      expect(await readPrevious(file, { ...options, seed: 2 })).toBeNull();
      await writeFile(file, '{ not json');
      expect(await readPrevious(file, options)).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('runSectionInProcess', () => {
  const context = { quick: true, workDir: '/tmp/w', corpusDir: '/tmp/w/corpus', articleCount: 3 };

  it('runs a registered section and reports what it measured', async () => {
    sections['test-ok'] = async () => ({
      name: 'test-ok',
      run: async (c) => [
        { section: 'test-ok', name: 'articles', unit: 'files', value: c.articleCount },
      ],
    });
    try {
      const result = await runSectionInProcess('test-ok', context);
      expect(result).toMatchObject({ name: 'test-ok', ok: true, measurements: [{ value: 3 }] });
      expect(result.peakRssMB).toBeGreaterThan(0);
    } finally {
      delete sections['test-ok'];
    }
  });

  it('turns a throwing section into a failure with its message', async () => {
    sections['test-throws'] = async () => ({
      name: 'test-throws',
      run: async () => {
        throw new Error('corpus folder not found: /nowhere');
      },
    });
    try {
      expect(await runSectionInProcess('test-throws', context)).toMatchObject({
        ok: false,
        error: 'corpus folder not found: /nowhere',
        measurements: [],
      });
      expect(await runSectionInProcess('missing', context)).toMatchObject({
        ok: false,
        error: 'no section named "missing"',
      });
    } finally {
      delete sections['test-throws'];
    }
  });
});
