import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCostUs } from '../../bench/harness/disk-probe.js';

describe('createCostUs', () => {
  let parent: string | null = null;
  afterEach(() => {
    if (parent) rmSync(parent, { recursive: true, force: true });
    parent = null;
  });

  it('creates the files in a new folder and leaves them for after the probed run', () => {
    parent = mkdtempSync(path.join(tmpdir(), 'margin-disk-probe-'));
    const folder = path.join(parent, 'probe');
    const us = createCostUs(folder, 25);
    expect(Number.isFinite(us) && us >= 0).toBe(true);
    // Removed now, they would be inodes freed just before the run the probe is for.
    const files = readdirSync(folder);
    expect(files).toHaveLength(25);
    for (const name of files) expect(statSync(path.join(folder, name)).size).toBe(4096);
  });
});
