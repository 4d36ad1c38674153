/**
 * The 2D map's DOM around the canvas, like MapLibre's controls: zoom in/out buttons top-right,
 * an attribution box bottom-right (also saying which renderer draws and why), and the
 * cooperative-gesture hint. Text is set with textContent only. Place and size are inline; the
 * colours come from the page by class (styles.css: `.map2d-zoom`, `.map2d-attrib`, with the theme
 * variables, so they follow the dark theme), and the page may size them by class too (e.g.
 * `.map2d-attrib { max-width }` to keep the attribution clear of a legend).
 */
import type { Lang } from '../../state/viewState.ts';

function node<K extends keyof HTMLElementTagNameMap>(tag: K, style: Partial<CSSStyleDeclaration>, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  Object.assign(e.style, style);
  if (text !== undefined) e.textContent = text;
  return e;
}

const LABELS = {
  zh: { in: '放大', out: '缩小' },
  en: { in: 'Zoom in', out: 'Zoom out' },
} as const;

export interface Controls {
  setLang(lang: Lang, attribution: readonly string[], note?: string): void;
  hint(text: string): void;
  destroy(): void;
}

export function mountControls(container: HTMLElement, o: { lang: Lang; attribution: readonly string[]; note?: string; zoomBy(dz: number): void }): Controls {
  const panel = node('div', { position: 'absolute', top: '10px', right: '10px', display: 'flex', flexDirection: 'column', borderRadius: '4px', zIndex: '2', overflow: 'hidden' });
  panel.className = 'map2d-ctrl map2d-zoom';
  const button = (text: string, dz: number) => {
    const b = node('button', { width: '29px', height: '29px', font: '18px/1 sans-serif', cursor: 'pointer', padding: '0' }, text);
    b.type = 'button';
    b.addEventListener('click', () => o.zoomBy(dz));
    return b;
  };
  const zin = button('+', 1);
  const zout = button('−', -1);
  panel.append(zin, zout);

  const attrib = node('div', { position: 'absolute', right: '0', bottom: '0', zIndex: '2', padding: '2px 6px', font: '11px/1.4 sans-serif', borderTopLeftRadius: '4px' });
  attrib.className = 'map2d-ctrl map2d-attrib';

  const hintBox = node('div', { position: 'absolute', inset: '0', display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'rgba(0,0,0,.4)', color: '#fff', font: '16px/1.4 sans-serif', textAlign: 'center', padding: '16px', opacity: '0', transition: 'opacity .3s', pointerEvents: 'none', zIndex: '3' });
  hintBox.className = 'map2d-cooperative-hint';
  hintBox.setAttribute('aria-hidden', 'true');
  container.append(panel, attrib, hintBox);

  let hideTimer = 0;
  const api: Controls = {
    setLang(lang, attribution, note) {
      zin.setAttribute('aria-label', LABELS[lang].in);
      zin.title = LABELS[lang].in;
      zout.setAttribute('aria-label', LABELS[lang].out);
      zout.title = LABELS[lang].out;
      attrib.replaceChildren(...[...attribution, ...(note ? [note] : [])].map((t, i) => node('span', { marginLeft: i ? '0.5em' : '0' }, `${i ? '· ' : ''}${t}`)));
    },
    hint(text) {
      hintBox.textContent = text;
      hintBox.style.opacity = '1';
      clearTimeout(hideTimer);
      hideTimer = window.setTimeout(() => (hintBox.style.opacity = '0'), 1500);
    },
    destroy() {
      clearTimeout(hideTimer);
      panel.remove();
      attrib.remove();
      hintBox.remove();
    },
  };
  api.setLang(o.lang, o.attribution, o.note);
  return api;
}
