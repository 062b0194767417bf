/**
 * A worker thread of `margin story` (`Describers`): describes each group of a batch from its
 * members (kind, differences, word diffs) and renders the ones the filter keeps as they are
 * written to stdout, so that the main thread holds a batch only until it is sent and writes its
 * text as it comes (it wrote the report a line at a time: a second of its time at 10,000
 * articles).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { adoptLexicons, describeMembers, type SharedLexicons } from '../story/index.js';
import type { DescribeJob, DescribeReply } from './story-describe.js';
import { renderedGroup } from './story-render.js';

adoptLexicons((workerData as { lexicons?: SharedLexicons } | null)?.lexicons);

parentPort!.on('message', (job: DescribeJob) => {
  let text = '';
  for (const { id, members } of job.groups) {
    const options = {
      kinds: job.kinds,
      ...(job.most === undefined ? { diffs: !job.json } : { shown: job.most }),
    };
    text += renderedGroup(describeMembers(id, members, options), job);
  }
  const reply: DescribeReply = { seq: job.seq, text };
  parentPort!.postMessage(reply);
});
