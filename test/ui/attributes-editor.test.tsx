import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { AttributesEditor } from '../../source/ui/components/Editors.js';
import { makeTheme } from '../../source/ui/theme.js';

describe('the attributes editor', () => {
  it('marks a value the codebook no longer lists, and keeps it', () => {
    const values = { verdict: 'false', stance: 'denies' };
    const { lastFrame, unmount } = render(
      <AttributesEditor
        mode={{
          kind: 'attributes',
          article: 'a',
          sentence: 's',
          fields: [
            { key: 'verdict', label: 'verdict', values: ['true', 'misleading', 'unproven'] },
            { key: 'stance', label: 'stance', values: ['supports', 'denies'] },
          ],
          values,
          initial: values,
          focus: 0,
          cursor: 0,
        }}
        width={100}
        theme={makeTheme(false)}
      />,
    );
    const lines = (lastFrame() ?? '').split('\n');
    unmount();
    expect(lines[0]).toContain('verdict: false (not in the list)');
    expect(lines[1]).toContain('stance:  denies');
    expect(lines[1]).not.toContain('not in the list');
  });
});
