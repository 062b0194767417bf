/**
 * Hostile inputs every cleaning step must take in linear time: each is a file margin may be
 * given (under the 5 MB limit) and must clean in well under a second. Shared by the quality
 * section of the bench (which times them) and a test (which checks what comes out).
 */
export interface HostileInput {
  name: string;
  /** The file name, whose extension picks the format. */
  file: string;
  text: string;
  /** A phrase the clean text must contain: the input is read, not refused or cut short. */
  expect: string;
}

const SENTENCE = 'The council met on Tuesday and voted to close the old bridge to cars.';

export function hostileInputs(): HostileInput[] {
  const words = (count: number, capital: boolean) =>
    Array.from({ length: count }, (_, i) => `${capital ? 'Word' : 'word'}${i}`);
  return [
    {
      name: '100,000 nested <div>s',
      file: 'nested-divs.html',
      text: `<html><body>${'<div>'.repeat(100_000)}<p>${SENTENCE}</p>${'</div>'.repeat(100_000)}</body></html>`,
      expect: SENTENCE,
    },
    {
      name: '100,000 unclosed <div>s and stray end tags',
      file: 'unclosed-divs.html',
      text: `<html><body>${'<div><span>'.repeat(50_000)}<p>${SENTENCE}</p>${'</i>'.repeat(100_000)}</body></html>`,
      expect: SENTENCE,
    },
    {
      name: '100,000 nested inline tags in a paragraph',
      file: 'nested-inline.html',
      text: `<html><body><p>${'<b>'.repeat(100_000)}${SENTENCE}</p></body></html>`,
      expect: SENTENCE,
    },
    {
      name: '100,000 list items',
      file: 'list-items.html',
      text: `<html><body><p>${SENTENCE}</p><ul>${words(100_000, true)
        .map((word) => `<li>${word}</li>`)
        .join('')}</ul></body></html>`,
      expect: SENTENCE,
    },
    {
      name: '200,000 one-word lines',
      file: 'one-word-lines.txt',
      text: words(200_000, false).join('\n'),
      expect: 'word199999',
    },
    {
      name: '200,000 capitalised one-word lines',
      file: 'capital-lines.txt',
      text: words(200_000, true).join('\n'),
      expect: 'Word199999',
    },
    {
      name: 'a megabyte without spaces',
      file: 'no-spaces.txt',
      text: `${SENTENCE}\n\n${'x'.repeat(1024 * 1024)}`,
      expect: SENTENCE,
    },
    {
      name: '100,000 links in a text file',
      file: 'links.txt',
      text: `${SENTENCE}\n${Array.from({ length: 100_000 }, (_, i) => `<a href="https://example.com/${i}">link${i}</a>`).join('\n')}`,
      expect: SENTENCE,
    },
    {
      name: '100,000 unclosed Markdown emphases and strikes',
      file: 'emphasis.md',
      text: `${SENTENCE}\n\n${'**a ~~b *c _d '.repeat(100_000)}`,
      expect: SENTENCE,
    },
    {
      name: '200,000 unclosed Markdown links',
      file: 'links.md',
      text: `${SENTENCE}\n\n${'[a](b '.repeat(200_000)}`,
      expect: SENTENCE,
    },
    {
      // Brackets never closed: each `[` or `![` once scanned to the line's end for its `]`.
      name: '100,000 unclosed Markdown brackets and images',
      file: 'brackets.md',
      text: `${SENTENCE}\n\n${'[a ![b [c '.repeat(100_000)}`,
      expect: SENTENCE,
    },
    {
      name: 'an MHTML file of 100,000 parts',
      file: 'parts.mhtml',
      text: `MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n${'--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n'.repeat(100_000)}--b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<p>${SENTENCE}</p>${'=3D=\r\n'.repeat(100_000)}\r\n--b--\r\n`,
      expect: SENTENCE,
    },
  ];
}
