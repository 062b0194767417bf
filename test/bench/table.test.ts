import { describe, expect, it } from 'vitest';
import type { BenchReport } from '../../bench/harness/results.js';
import { formatChange, formatNumber, formatTable } from '../../bench/harness/table.js';

const machine = {
  node: 'v20.20.2',
  cpu: 'AMD EPYC',
  cores: 2,
  platform: 'linux x64',
  memoryGB: 23.5,
};

function report(overrides: Partial<BenchReport> = {}): BenchReport {
  return {
    version: 1,
    date: '2026-11-21T05:00:00Z',
    machine,
    options: { quick: false, articles: 10_000, seed: 20250314, inProcess: false },
    sections: [
      {
        name: 'pipeline',
        ok: true,
        durationMs: 5000,
        peakRssMB: 412.37,
        measurements: [
          {
            section: 'pipeline',
            name: 'clean+split per article',
            unit: 'ms',
            median: 0.4213,
            p95: 1.234,
            target: '< 1 ms',
            note: '200 runs',
          },
          { section: 'pipeline', name: 'throughput', unit: 'MB/s', value: 12.345 },
        ],
      },
      {
        name: 'search',
        ok: true,
        durationMs: 3000,
        peakRssMB: 250,
        measurements: [
          {
            section: 'search',
            name: 'query (one word)',
            unit: 'ms',
            median: 18,
            p95: 25.5,
            reference: { name: 'fzf', value: 40, ratio: 0.45 },
          },
        ],
      },
      {
        name: 'ui',
        ok: false,
        error: 'Cannot find module ui/app.js',
        durationMs: 10,
        peakRssMB: 40,
        measurements: [],
      },
    ],
    failed: ['ui'],
    ...overrides,
  };
}

describe('formatTable', () => {
  it('prints aligned rows under their section, notes as numbered footnotes, failures and the machine', () => {
    expect(formatTable(report())).toBe(
      [
        'margin bench · 10,000 articles (seed 20250314) · 2026-11-21T05:00:00Z',
        '',
        'Measure                      Median   p95  Value  Unit  Target  Reference',
        '───────────────────────────  ──────  ────  ─────  ────  ──────  ────────────────────',
        'pipeline',
        'clean+split per article [1]   0.421  1.23         ms    < 1 ms',
        'throughput                                  12.3  MB/s',
        'peak RSS [2]                                 412  MB',
        '',
        'search',
        'query (one word)               18.0  25.5         ms            fzf 40.0 ms (0.450×)',
        'peak RSS [2]                                 250  MB',
        '',
        'ui',
        'FAILED [3]',
        '',
        'Notes',
        '[1] 200 runs',
        '[2] whole section process',
        '[3] Cannot find module ui/app.js',
        '',
        'Time: pipeline 5.00 s · search 3.00 s · ui 0.0100 s · total 8.01 s',
        'Machine: node v20.20.2 · AMD EPYC · 2 cores · linux x64 · 23.5 GB RAM',
        'Failed: ui',
        '',
      ].join('\n'),
    );
  });

  it('adds the change against the previous run where that run has the same measure', () => {
    const previous = report({ date: '2026-11-20T05:00:00Z' });
    previous.sections[0]!.measurements[0]!.median = 0.5;
    previous.sections[1]!.measurements = [];
    const quick = report({
      options: { quick: true, articles: 500, seed: 1, inProcess: false },
      failed: [],
    });
    expect(formatTable(quick, previous).split('\n').slice(0, 13)).toEqual([
      'margin bench · 500 articles (seed 1) · quick · 2026-11-21T05:00:00Z',
      '',
      'Measure                      Median   p95  Value  Unit  Target  Reference             vs last',
      '───────────────────────────  ──────  ────  ─────  ────  ──────  ────────────────────  ───────',
      'pipeline',
      'clean+split per article [1]   0.421  1.23         ms    < 1 ms                         -15.7%',
      'throughput                                  12.3  MB/s                                    ±0%',
      'peak RSS [2]                                 412  MB                                      ±0%',
      '',
      'search',
      'query (one word)               18.0  25.5         ms            fzf 40.0 ms (0.450×)',
      'peak RSS [2]                                 250  MB                                      ±0%',
      '',
    ]);
    expect(formatTable(quick, previous)).toContain(
      'vs last: change of the median (or value) against the run of 2026-11-20T05:00:00Z\n',
    );
  });

  it('fits 120 columns: long notes go below, and the reference, target and measure wrap', () => {
    const long = report({ failed: [] });
    long.sections = [
      {
        name: 'store',
        ok: true,
        durationMs: 1,
        peakRssMB: null,
        measurements: [
          {
            section: 'store',
            name: 'persist one tag with a very long name (300,000 annotations in the store)',
            unit: 'annotations/s',
            median: 1.5,
            p95: 11.2,
            target: '< 5 ms median, < 15 ms p95, independent of the size of the store',
            reference: { name: 'a reference with a long name', value: 1234.5, ratio: 0.0000964 },
            note: 'lock, re-read, validate, fsync, rename, fsync folder; '.repeat(4).trim(),
          },
        ],
      },
    ];
    const lines = formatTable(long, long).split('\n');
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(120);
    expect(lines.slice(2, 9)).toEqual([
      'Measure                                    Median   p95  Unit           Target          Reference                vs last',
      '─────────────────────────────────────────  ──────  ────  ─────────────  ──────────────  ───────────────────────  ───────',
      'store',
      'persist one tag with a very long name        1.50  11.2  annotations/s  < 5 ms median,  a reference with a long      ±0%',
      '(300,000 annotations in the store) [1]                                  < 15 ms p95,    name 1,235',
      '                                                                        independent of  annotations/s',
      '                                                                        the size of     (0.0000964×)',
    ]);
    expect(lines.slice(lines.indexOf('Notes'), lines.indexOf('Notes') + 3)).toEqual([
      'Notes',
      '[1] lock, re-read, validate, fsync, rename, fsync folder; lock, re-read, validate, fsync, rename, fsync folder; lock,',
      '    re-read, validate, fsync, rename, fsync folder; lock, re-read, validate, fsync, rename, fsync folder;',
    ]);
  });

  it('says when the previous run was taken on another machine', () => {
    const previous = report({ machine: { ...machine, node: 'v22.1.0' } });
    const table = formatTable(report(), previous);
    // Wrapped to 120 columns like every line of the table.
    expect(table.replace(/\n/g, ' ')).toContain(
      'vs last: change of the median (or value) against the run of 2026-11-21T05:00:00Z, taken on another machine (Machine: node v22.1.0 · AMD EPYC · 2 cores · linux x64 · 23.5 GB RAM) ',
    );
  });

  it('leaves out columns no measurement fills', () => {
    const bare = report({
      sections: [
        {
          name: 'generate',
          ok: true,
          durationMs: 1,
          peakRssMB: null,
          measurements: [{ section: 'generate', name: 'articles', unit: 'files', value: 500 }],
        },
      ],
      failed: [],
    });
    expect(formatTable(bare).split('\n').slice(2, 6)).toEqual([
      'Measure   Value  Unit',
      '────────  ─────  ─────',
      'generate',
      'articles    500  files',
    ]);
  });
});

describe('formatNumber', () => {
  it.each([
    [undefined, ''],
    [0, '0'],
    [123_456.7, '123,457'],
    [100, '100'],
    [99.95, '100.0'],
    [12.345, '12.3'],
    [1.2345, '1.23'],
    [0.012345, '0.0123'],
    [-3.5, '-3.50'],
    [Number.NaN, 'NaN'],
  ])('%s → %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });
});

describe('formatChange', () => {
  it('gives the signed change in percent, nothing when it cannot compare', () => {
    expect(formatChange(110, 100)).toBe('+10.0%');
    expect(formatChange(90, 100)).toBe('-10.0%');
    expect(formatChange(100, 100)).toBe('±0%');
    expect(formatChange(100, undefined)).toBe('');
    expect(formatChange(undefined, 100)).toBe('');
    expect(formatChange(5, 0)).toBe('');
  });
});
