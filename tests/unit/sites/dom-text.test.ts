import { describe, expect, it } from 'vitest';
import { collapseWhitespace, isEmojiText, isInsideHidden, visibleText } from '@/lib/sites/shared/dom-text';
import { documentFromHtml } from './fixtures';

function body(html: string): HTMLElement {
  return documentFromHtml(html, 'https://example.com/').body;
}

describe('visibleText', () => {
  it('collapses whitespace, decodes entities and keeps what people see', () => {
    expect(visibleText(body('  Tom&nbsp;&amp;\n\t Jerry&#39;s   &lt;show&gt;  '))).toBe("Tom & Jerry's <show>");
  });

  it('skips what is never shown: script, style, template, noscript, hidden, display:none', () => {
    const root = body(
      'a<script>var x = 1</script><style>p{}</style><template>t</template><noscript>n</noscript>' +
        '<span hidden>h</span><span style="display: none">d</span><span style="visibility:hidden">v</span>b',
    );
    expect(visibleText(root)).toBe('ab');
  });

  it('skips screen-reader-only copies but keeps their aria-hidden visible twins by default', () => {
    const root = body('<span class="visually-hidden">2nd degree connection</span><span aria-hidden="true">2nd</span>');
    expect(visibleText(root)).toBe('2nd');
    expect(visibleText(root, { skipAriaHidden: true })).toBe('');
    expect(visibleText(root, { hiddenClasses: [] })).toBe('2nd degree connection2nd');
  });

  it('counts emoji images as their alt text, other images not at all', () => {
    const root = body('Nice <img alt="🚀"><img alt="👍🏽"><img alt="🇸🇪"> <img alt="Profile photo of Jane"><img alt="1">');
    expect(visibleText(root)).toBe('Nice 🚀👍🏽🇸🇪');
  });

  it('line breaks and blocks separate words that textContent would glue together', () => {
    expect(visibleText(body('<div>Line one</div><div>Line two<br>Line three</div><p>Four</p>'))).toBe(
      'Line one Line two Line three Four',
    );
    expect(visibleText(body('<span>in</span><b>line</b>'))).toBe('inline');
  });

  it('keeps invisible non-space characters such as U+2060 and U+2800', () => {
    expect(visibleText(body('a\u2060<br>\u2800<br>b'))).toBe('a\u2060 \u2800 b');
  });

  it('is empty for null, hidden elements and comments', () => {
    expect(visibleText(null)).toBe('');
    expect(visibleText(body('<h1 class="visually-hidden">Search</h1>').firstElementChild)).toBe('');
    expect(visibleText(body('<!-- x -->'))).toBe('');
  });
});

describe('isInsideHidden', () => {
  it('looks at the ancestors up to a boundary', () => {
    const root = body('<div hidden><section><h1 id="h">Name</h1></section></div>');
    const heading = root.querySelector('#h')!;
    expect(isInsideHidden(heading)).toBe(true);
    expect(isInsideHidden(heading, heading.closest('section'))).toBe(false);
  });
});

describe('small helpers', () => {
  it.each([
    ['😂', true],
    ['❤️❤️', true],
    ['1️⃣', true],
    ['👩‍💻', true],
    ['123', false],
    ['#', false],
    ['', false],
    ['a😂', false],
  ])('isEmojiText(%j) is %s', (text, expected) => {
    expect(isEmojiText(text)).toBe(expected);
  });

  it('collapseWhitespace', () => {
    expect(collapseWhitespace('\n a \u00a0\u00a0 b \r\n')).toBe('a b');
  });
});
