import { expect } from '@open-wc/testing';
import { safeHref, safeImageSrc } from '@wir/core';

// web-test-runner provides mocha's globals; the repo has no @types/mocha (module-scoped types).
declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;
declare const beforeEach: (body: () => Promise<void> | void) => void;
declare const afterEach: (body: () => Promise<void> | void) => void;

describe('safeHref', () => {
  const allowed: Array<[string, string]> = [
    ['https://www.hannover.de/wir', 'https://www.hannover.de/wir'],
    ['http://example.org', 'http://example.org'],
    ['HTTPS://EXAMPLE.ORG/a', 'HTTPS://EXAMPLE.ORG/a'],
    ['mailto:integration@hannover-stadt.de', 'mailto:integration@hannover-stadt.de'],
    ['/feeds/hannover.json', '/feeds/hannover.json'],
    ['images/leitlinie-1.jpg', 'images/leitlinie-1.jpg'],
    ['../up.html', '../up.html'],
    ['#leitlinie-3', '#leitlinie-3'],
    ['?lang=tr', '?lang=tr'],
    ['//cdn.example.org/x.png', '//cdn.example.org/x.png'],
    ['  https://example.org/trimmed  ', 'https://example.org/trimmed'],
    // No scheme can start with a digit: this is a relative path, not a protocol.
    ['1javascript:alert(1)', '1javascript:alert(1)'],
  ];
  for (const [input, expected] of allowed) {
    it(`allows ${JSON.stringify(input)}`, () => {
      expect(safeHref(input)).to.equal(expected);
    });
  }

  const rejected = [
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    '\u0000javascript:alert(1)',
    '\u001fjavascript:alert(1)',
    '\tjavascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    'javascript\n:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'DATA:image/svg+xml;base64,PHN2Zz4=',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    'file:///etc/passwd',
    'blob:https://example.org/abc',
    'ftp://example.org/',
    'http://[bad',
    '',
    '   ',
  ];
  for (const input of rejected) {
    it(`rejects ${JSON.stringify(input)}`, () => {
      expect(safeHref(input)).to.equal(undefined);
    });
  }

  it('rejects non-strings', () => {
    expect(safeHref(undefined)).to.equal(undefined);
    expect(safeHref(42 as unknown as string)).to.equal(undefined);
  });

  it('resolves relative URLs against a base when given one', () => {
    expect(safeHref('img/a.png', 'https://example.org/feeds/hannover.json')).to.equal(
      'https://example.org/feeds/img/a.png',
    );
    expect(safeHref('javascript:alert(1)', 'https://example.org/')).to.equal(undefined);
  });
});

describe('safeImageSrc', () => {
  it('allows http(s) and relative paths, resolved against the feed URL', () => {
    expect(safeImageSrc('https://example.org/a.jpg')).to.equal('https://example.org/a.jpg');
    expect(safeImageSrc('a.jpg', 'https://example.org/feeds/f.json')).to.equal('https://example.org/feeds/a.jpg');
  });

  it('rejects script, data and mail URLs', () => {
    for (const input of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:image/png;base64,AAAA', 'mailto:a@b.de']) {
      expect(safeImageSrc(input, 'https://example.org/'), input).to.equal(undefined);
    }
  });
});
