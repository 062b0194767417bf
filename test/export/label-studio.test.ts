import { beforeAll, describe, expect, it } from 'vitest';
import { labelStudioConfig } from '../../source/export/label-studio-config.js';
import { DEFAULT_LABELS } from '../../source/store/labels.js';
import { byCodePoints, sampleInput } from './fixture.js';
import { exportText } from './helpers.js';

interface Region {
  from_name: string;
  to_name: string;
  type: string;
  value: { start: number; end: number; text: string; labels: string[] };
  meta?: { text: string[] };
}
interface Task {
  data: { text: string; article: string };
  annotations: Array<{ annotator: string; result: Region[] }>;
}

describe('label-studio export', () => {
  let tasks: Task[];
  beforeAll(async () => {
    tasks = JSON.parse(await exportText('label-studio', sampleInput())) as Task[];
  });

  it('writes one task per article with one annotation per annotator', () => {
    expect(tasks.map((task) => task.data.article)).toEqual(['uni', 'plain']);
    expect(tasks[0]!.annotations.map((a) => a.annotator)).toEqual(['alice', 'bob']);
  });

  it('writes labels regions whose offsets and text agree in code points', () => {
    let regions = 0;
    for (const task of tasks) {
      const results = task.annotations.flatMap((a) => a.result);
      for (const region of results.filter((r) => r.from_name === 'label')) {
        expect(region).toMatchObject({ from_name: 'label', to_name: 'text', type: 'labels' });
        const { start, end, text } = region.value;
        expect(byCodePoints(task.data.text, start, end)).toBe(text);
        regions++;
      }
    }
    expect(regions).toBe(6);
    const first = tasks[0]!.annotations[0]!.result[0]!;
    expect(first.value.labels).toEqual(['Quote']);
    // The note where Label Studio shows a region's note; an attribute no control declares beside it.
    expect(first.meta).toEqual({
      text: ['check the “translation”\nwith the desk'],
      attributes: { verdict: 'needs context' },
    });
  });

  it('prints the matching labeling config', () => {
    expect(labelStudioConfig(DEFAULT_LABELS)).toBe(
      [
        '<View>',
        '  <Labels name="label" toName="text">',
        // qa53 #10: the codebook's colours, which the config did not carry.
        '    <Label value="Claim" background="#fff59d"/>',
        '    <Label value="Quote" background="#80deea"/>',
        '    <Label value="Event" background="#ce93d8"/>',
        '  </Labels>',
        '  <Text name="text" value="$text"/>',
        '  <View visibleWhen="region-selected">',
        '    <Header value="claimant (Claim)"/>',
        '    <TextArea name="attr_claimant" toName="text" perRegion="true" editable="true" maxSubmissions="1"/>',
        '    <Header value="speaker (Quote)"/>',
        '    <TextArea name="attr_speaker" toName="text" perRegion="true" editable="true" maxSubmissions="1"/>',
        '    <Header value="when (Event)"/>',
        '    <TextArea name="attr_when" toName="text" perRegion="true" editable="true" maxSubmissions="1"/>',
        '    <Header value="where (Event)"/>',
        '    <TextArea name="attr_where" toName="text" perRegion="true" editable="true" maxSubmissions="1"/>',
        '  </View>',
        '</View>',
        '',
      ].join('\n'),
    );
  });
});
