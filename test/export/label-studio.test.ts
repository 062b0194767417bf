import { describe, expect, it } from 'vitest';
import { labelStudioConfig, toLabelStudio } from '../../source/export/label-studio.js';
import { byCodePoints, sampleInput } from './fixture.js';

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
  const tasks = JSON.parse(toLabelStudio(sampleInput())) as Task[];

  it('writes one task per article with one annotation per annotator', () => {
    expect(tasks.map((task) => task.data.article)).toEqual(['uni', 'plain']);
    expect(tasks[0]!.annotations.map((a) => a.annotator)).toEqual(['alice', 'bob']);
  });

  it('writes labels regions whose offsets and text agree in code points', () => {
    let regions = 0;
    for (const task of tasks) {
      for (const region of task.annotations.flatMap((a) => a.result)) {
        expect(region).toMatchObject({ from_name: 'label', to_name: 'text', type: 'labels' });
        const { start, end, text } = region.value;
        expect(byCodePoints(task.data.text, start, end)).toBe(text);
        regions++;
      }
    }
    expect(regions).toBe(6);
    const first = tasks[0]!.annotations[0]!.result[0]!;
    expect(first.value.labels).toEqual(['Quote']);
    expect(first.meta).toEqual({ text: ['check the “translation”\nwith the desk'] });
  });

  it('prints the matching labeling config', () => {
    expect(labelStudioConfig()).toBe(
      [
        '<View>',
        '  <Labels name="label" toName="text">',
        '    <Label value="Claim"/>',
        '    <Label value="Quote"/>',
        '    <Label value="Event"/>',
        '  </Labels>',
        '  <Text name="text" value="$text"/>',
        '</View>',
        '',
      ].join('\n'),
    );
  });
});
