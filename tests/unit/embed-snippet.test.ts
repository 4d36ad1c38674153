import { describe, expect, it } from 'vitest';
import { defaultHeight, embedState, FRAME_STYLE, fullMapState, iframeSnippet, scriptSnippet, urlFor } from '../../src/embed/snippet.ts';
import { parseState } from '../../src/state/url.ts';
import { defaultState } from '../../src/state/viewState.ts';

const page = 'https://maps.example.org/jjj/index.html?lang=zh#data-table';

describe('embed snippets', () => {
  const s = { ...defaultState('en'), metric: 'investment' as const, industry: ['pharma', 'automotive'], view: { lon: 116.4, lat: 39.2, zoom: 7 }, custom: true };

  it('the embedded state keeps the view, switches embed on and never carries a custom dataset', () => {
    const e = embedState(s, { controls: false, legend: true });
    expect(e).toMatchObject({ embed: true, controls: false, legend: true, custom: false, parentOrigin: null, industry: ['pharma', 'automotive'] });
  });

  it('the camera and an open story step are kept only when asked', () => {
    const withStory = { ...s, story: 3 };
    expect(embedState(withStory, { controls: true, legend: true })).toMatchObject({ view: s.view, story: 3 });
    expect(embedState(withStory, { controls: true, legend: true, view: false, story: false })).toMatchObject({ view: null, story: null });
  });

  it('the address is the same page with the state as its query, without fragment', () => {
    const url = urlFor(page, embedState(s, { controls: true, legend: false }));
    expect(url).toBe('https://maps.example.org/jjj/index.html?lang=en&metric=investment&industry=pharma,automotive&view=116.4,39.2,7&embed=1&legend=0');
    expect(parseState(new URL(url).search).state).toEqual(embedState(s, { controls: true, legend: false }));
  });

  it('the full map drops the embed options only', () => {
    const embedded = { ...s, embed: true, controls: false, legend: false, parentOrigin: 'https://partner.example', theme: 'dark' as const };
    const q = new URL(urlFor(page, fullMapState(embedded))).searchParams;
    for (const p of ['embed', 'controls', 'legend', 'parentOrigin']) expect(q.has(p)).toBe(false);
    expect(q.get('theme')).toBe('dark');
    expect(q.get('industry')).toBe('pharma,automotive');
  });

  it('the iframe snippet: labelled, lazy, responsive, attributes escaped', () => {
    const html = iframeSnippet({ src: 'https://x.example/?a=1&b="2"', title: 'A <map> & "more"', label: 'Arcs <b>' });
    expect(html).toBe(`<iframe src="https://x.example/?a=1&amp;b=&quot;2&quot;" title="A &lt;map&gt; &amp; &quot;more&quot;" aria-label="Arcs &lt;b&gt;" loading="lazy" height="560" style="${FRAME_STYLE}" allow="fullscreen"></iframe>`);
    expect(FRAME_STYLE).toContain('width:100%;min-width:280px');
  });

  it('with a noscript picture whose alt text is escaped', () => {
    const html = iframeSnippet({ src: 'https://x.example/', title: 'T', label: 'L', fallback: { href: 'https://x.example/?lang=en', img: 'https://x.example/pictures/default.en.png', alt: 'Arcs "from" <Beijing>', width: 1200, height: 630 } });
    expect(html.split('\n')[1]).toBe('<noscript><a href="https://x.example/?lang=en"><img src="https://x.example/pictures/default.en.png" alt="Arcs &quot;from&quot; &lt;Beijing&gt;" width="1200" height="630" loading="lazy" style="max-width:100%;height:auto"></a></noscript>');
  });

  it('default heights by width: 4:3, at least 440 px, at most 720 px', () => {
    expect([320, 480, 640, 800, 960, 1200].map(defaultHeight)).toEqual([440, 440, 480, 600, 720, 720]);
  });

  it('the embed.js snippet puts the query (without embed=1) on the placeholder', () => {
    const html = scriptSnippet('https://maps.example.org/jjj/embed.js', embedState(s, { controls: true, legend: true }));
    expect(html).toBe('<div data-jjj-transfer-map="?lang=en&amp;metric=investment&amp;industry=pharma,automotive&amp;view=116.4,39.2,7"></div>\n<script src="https://maps.example.org/jjj/embed.js" async></script>');
  });
});
