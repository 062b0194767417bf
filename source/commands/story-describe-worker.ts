/**
 * A worker thread of `margin story` (`describeInParallel`): describes each group of a batch from
 * its members (kind, differences, word diffs) and renders the ones the filter keeps, so that
 * the main thread holds a batch only until it is sent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { adoptLexicons, describeMembers, type SharedLexicons } from '../story/index.js';
import type { DescribeJob, DescribeReply } from './story-describe.js';
import { isShown, storyJson, storyReport } from './story-render.js';

adoptLexicons((workerData as { lexicons?: SharedLexicons } | null)?.lexicons);

parentPort!.on('message', (job: DescribeJob) => {
  const shown = job.groups.map(({ id, members }) => {
    const group = describeMembers(id, members, { diffs: !job.json });
    if (!isShown(group, job.filter)) return null;
    return job.json ? `${storyJson(group)}\n` : storyReport(group);
  });
  const reply: DescribeReply = { seq: job.seq, shown };
  parentPort!.postMessage(reply);
});
