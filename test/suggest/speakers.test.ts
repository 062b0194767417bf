import { describe, expect, it } from 'vitest';
import { speaker } from './article.js';

describe('the speaker of a quote', () => {
  it('is the name beside the reporting verb, without the role', () => {
    expect(
      speaker(
        '“The door is open,” Kremlin spokesman Dmitry Peskov said on Friday.',
        'door is open',
      ),
    ).toBe('Dmitry Peskov');
    expect(
      speaker('Foreign Secretary David Lammy told reporters: “We will not wait.”', 'not wait'),
    ).toBe('David Lammy');
    expect(speaker('“We will not wait,” said Ms. Ana Ruiz, the mayor.', 'not wait')).toBe(
      'Ana Ruiz',
    );
  });

  it('is the full name when a later sentence gives only the surname or a title', () => {
    const body =
      'Kremlin spokesman Dmitry Peskov spoke to reporters in Moscow. “It takes time,” Peskov said. “We are patient,” Mr. Peskov added.';
    expect(speaker(body, 'It takes time')).toBe('Dmitry Peskov');
    expect(speaker(body, 'We are patient')).toBe('Dmitry Peskov');
  });

  it('keeps a surname the article never gives in full', () => {
    expect(speaker('“We will call them,” Putin said. The call was short.', 'We will call')).toBe(
      'Putin',
    );
  });

  it('resolves "he said" to the nearest named person', () => {
    const body =
      'Trade minister Lena Park met the delegation in Seoul on Monday. Finance minister Omar Haddad stayed away. “Nothing has changed,” he said.';
    expect(speaker(body, 'Nothing has changed')).toBe('Omar Haddad');
  });

  it('resolves "the spokesman" to the spokesman the article named', () => {
    const body =
      'Kremlin spokesman Dmitry Peskov said talks would go on. President Donald Trump said the same in Washington. “It will take time,” the spokesman said.';
    expect(speaker(body, 'It will take time')).toBe('Dmitry Peskov');
  });

  it('gives the speaker of a quotation over several sentences to each of them', () => {
    const body =
      'Anna Berg spoke after the vote in Oslo. “We lost. We will be back. Believe it,” she said.';
    expect(speaker(body, 'We lost')).toBe('Anna Berg');
    expect(speaker(body, 'We will be back')).toBe('Anna Berg');
  });

  it('carries the speaker to a quotation that follows with no speaker of its own', () => {
    const body = '“We are ready,” Anna Berg said. “There is nothing more to add.”';
    expect(speaker(body, 'nothing more to add')).toBe('Anna Berg');
  });

  it('guesses no one where the article leaves it unclear', () => {
    // No one is named before "he".
    expect(
      speaker('“We are ready,” he said. The talks begin today.', 'We are ready'),
    ).toBeUndefined();
    // An unnamed spokesman.
    expect(
      speaker('“We are ready,” a government spokesman said. Talks begin today.', 'We are ready'),
    ).toBeUndefined();
    // Two presidents named: "the president" could be either.
    const two =
      'U.S. President Donald Trump met French President Emmanuel Macron in Paris. “We agree,” the president said.';
    expect(speaker(two, 'We agree')).toBeUndefined();
  });

  it('keeps a body such as the Kremlin as it is named', () => {
    expect(
      speaker(
        'The Kremlin said the meeting was “constructive and useful”. Nothing else was said.',
        'constructive',
      ),
    ).toBe('the Kremlin');
  });
});
