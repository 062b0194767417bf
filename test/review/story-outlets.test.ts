import { describe, expect, it } from 'vitest';
import { panelTitle } from '../../source/review/story.js';

const none = { outlets: 0, unknown: 0, sameOutlet: 0, unread: 0, own: 'The National' };

describe('the story panel’s title counts outlets (qa51)', () => {
  it('names other outlets, articles of unknown source and the own outlet’s copies apart', () => {
    expect(panelTitle({ ...none, outlets: 2 }, 2)).toBe('2 other outlets report this');
    expect(panelTitle({ ...none, outlets: 1 }, 1)).toBe('1 other outlet reports this');
    expect(panelTitle({ ...none, unknown: 1 }, 1)).toBe('1 article of unknown source reports this');
    expect(panelTitle({ ...none, outlets: 1, unknown: 2 }, 3)).toBe(
      '1 other outlet and 2 articles of unknown source report this',
    );
    expect(panelTitle({ ...none, outlets: 1, sameOutlet: 2 }, 3)).toBe(
      '1 other outlet reports this; 2 other articles of The National too',
    );
    expect(panelTitle({ ...none, sameOutlet: 1 }, 1)).toBe(
      'no other outlet reports this; 1 other article of The National too',
    );
  });

  it('counts versions of a kept group whose members were not all read', () => {
    expect(panelTitle({ ...none, outlets: 28, sameOutlet: 1, unread: 10 }, 29)).toBe(
      '39 other versions report this (the earliest 29 listed)',
    );
  });
});
