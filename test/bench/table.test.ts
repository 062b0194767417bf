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
  it('prints aligned rows, peak memory per section, failures and the machine', () => {
    expect(formatTable(report())).toBe(
      [
        'margin bench · 10,000 articles (seed 20250314) · 2026-11-21T05:00:00Z',
        '',
        'Section   Measure                  Median   p95  Value  Unit  Target  Reference             Note',
        '────────  ───────────────────────  ──────  ────  ─────  ────  ──────  ────────────────────  ────────────────────────────',
        'pipeline  clean+split per article   0.421  1.23         ms    < 1 ms                        200 runs',
        'pipeline  throughput                              12.3  MB/s',
        'pipeline  peak RSS                                 412  MB                                  whole section process',
        'search    query (one word)           18.0  25.5         ms            fzf 40.0 ms (0.450×)',
        'search    peak RSS                                 250  MB                                  whole section process',
        'ui        FAILED                                                                            Cannot find module ui/app.js',
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
    expect(formatTable(quick, previous)).toBe(
      [
        'margin bench · 500 articles (seed 1) · quick · 2026-11-21T05:00:00Z',
        '',
        'Section   Measure                  Median   p95  Value  Unit  Target  Reference             vs last  Note',
        '────────  ───────────────────────  ──────  ────  ─────  ────  ──────  ────────────────────  ───────  ────────────────────────────',
        'pipeline  clean+split per article   0.421  1.23         ms    < 1 ms                         -15.7%  200 runs',
        'pipeline  throughput                              12.3  MB/s                                    ±0%',
        'pipeline  peak RSS                                 412  MB                                      ±0%  whole section process',
        'search    query (one word)           18.0  25.5         ms            fzf 40.0 ms (0.450×)',
        'search    peak RSS                                 250  MB                                      ±0%  whole section process',
        'ui        FAILED                                                                                     Cannot find module ui/app.js',
        '',
        'Time: pipeline 5.00 s · search 3.00 s · ui 0.0100 s · total 8.01 s',
        'Machine: node v20.20.2 · AMD EPYC · 2 cores · linux x64 · 23.5 GB RAM',
        'vs last: change of the median (or value) against the run of 2026-11-20T05:00:00Z',
        '',
      ].join('\n'),
    );
  });

  it('says when the previous run was taken on another machine', () => {
    const previous = report({ machine: { ...machine, node: 'v22.1.0' } });
    expect(formatTable(report(), previous)).toContain(
      'vs last: change of the median (or value) against the run of 2026-11-21T05:00:00Z, taken on another machine (Machine: node v22.1.0 · AMD EPYC · 2 cores · linux x64 · 23.5 GB RAM)\n',
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
    expect(formatTable(bare).split('\n').slice(2, 5)).toEqual([
      'Section   Measure   Value  Unit',
      '────────  ────────  ─────  ─────',
      'generate  articles    500  files',
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
