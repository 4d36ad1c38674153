/**
 * The "Load data" dialog (loaded on first use; see ./ui.ts): drop zone, file picker, paste box,
 * options (what `value` counts; a year for rows without one), progress with Cancel (terminates
 * the worker), preview (mapping, first rows, every unusable row as `file:line: column: reason`),
 * Replace / Join / Cancel. Text from the file is only ever set with textContent.
 */
import type { AppContext } from '../app.ts';
import type { PlacedFlow } from '../data/dataset.ts';
import { formatError } from '../data/errors.ts';
import { visible } from '../data/text.ts';
import type { Platform } from '../data/types.ts';
import { INDUSTRIES } from '../data/vocab.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { formatNumber, formatPeriod, formatValue } from '../i18n/format.ts';
import { LANGS, type Lang, type ViewState } from '../state/viewState.ts';
import { h as el } from '../ui/dom.ts';
import { nextTask, prepareView } from '../selectors/prepare.ts';
import { bestMetric, customDataset, type LoadMode } from './dataset.ts';
import { MEASURES, type Measure } from './measures.ts';
import type { Preview } from './pipeline.ts';
import { mappingPanel, type MappingPanelHooks } from './mappingPanel.ts';
import { previewModel, type PlaceOption } from './previewModel.ts';
import { createChecker, type CheckRequest } from './checker.ts';
import { userSource } from './source.ts';
import { emptyMapping, parseMapping, serializeMapping, type UserMapping } from './userMapping.ts';

/** Error lines added to the preview per task. */
const ERRORS_PER_TASK = 200;


/** Industry id → its label in each language, so that files may say "医药" or "Pharmaceuticals" (ui.ts loads both dictionaries with this module). */
export function industryLabels(): Record<string, string[]> {
  return Object.fromEntries(INDUSTRIES.map((id) => [id, LANGS.map((l) => t(l, `industry.${id}`))]));
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 2 : 1)} MB`;

export interface DialogHooks {
  onApplied(file: string, count: number, mode: LoadMode, stateBefore: ViewState): void;
}

export function buildDialog(ctx: AppContext, hooks: DialogHooks) {
  const { store } = ctx;
  const lang = (): Lang => store.get().lang;
  const tr = (key: MessageKey, vars?: Record<string, string | number>) => t(lang(), key, vars);
  /** Elements whose text is a dictionary entry, relabelled when the dialog opens. */
  const labels: Array<[HTMLElement, MessageKey]> = [];
  const L = <E extends HTMLElement>(e: E, key: MessageKey): E => {
    labels.push([e, key]);
    return e;
  };

  const dialog = el('dialog', { class: 'loader-dialog', id: 'loader-dialog', 'aria-labelledby': 'loader-title' });
  dialog.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') e.stopPropagation();
  });
  const close = L(el('button', { type: 'submit', class: 'btn btn--small loader-dialog__close' }), 'loader.close');
  const title = L(el('h2', { id: 'loader-title' }), 'loader.title');

  // Inputs: drop zone with a file picker, paste box.
  const fileInput = el('input', { type: 'file', id: 'loader-file', accept: '.csv,text/csv,.txt,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', class: 'visually-hidden' });
  const chooseLabel = L(el('label', { for: 'loader-file', class: 'btn loader-choose' }), 'loader.choose');
  const drop = el('div', { class: 'loader-drop', 'data-testid': 'loader-drop' }, L(el('p', { class: 'loader-drop__text' }), 'loader.drop'), L(el('span', { class: 'loader-drop__or' }), 'loader.or'), fileInput, chooseLabel);
  const pasteArea = el('textarea', { id: 'loader-paste', rows: '6', spellcheck: 'false', class: 'loader-paste', placeholder: 'origin,destination,value,industry,year\n朝阳区,沧州,3,pharma,2019' });
  const pasteButton = L(el('button', { type: 'button', class: 'btn btn--small', id: 'loader-paste-check' }), 'loader.pasteCheck');
  const paste = el('details', { class: 'loader-paste-box' }, L(el('summary'), 'loader.paste'), L(el('label', { for: 'loader-paste', class: 'loader-label' }), 'loader.pasteLabel'), pasteArea, pasteButton);

  // Options.
  const measure = el('select', { id: 'loader-measure' });
  const measureOptions = MEASURES.map((m) => L(el('option', { value: m }), `loader.measure.${m}` as MessageKey));
  measure.append(...measureOptions);
  const year = el('input', { type: 'number', id: 'loader-year', min: '2000', max: String(new Date().getFullYear()), step: '1', inputmode: 'numeric', class: 'loader-year' });
  const options = el(
    'fieldset',
    { class: 'loader-options' },
    L(el('legend'), 'loader.options'),
    el('div', { class: 'loader-option' }, L(el('label', { for: 'loader-measure' }), 'loader.measure'), measure),
    el('div', { class: 'loader-option' }, L(el('label', { for: 'loader-year' }), 'loader.year'), year, L(el('span', { class: 'loader-hint' }), 'loader.yearHint')),
  );

  // Progress.
  const bar = el('progress', { max: '1', value: '0', 'aria-labelledby': 'loader-progress-text' });
  const barText = el('span', { id: 'loader-progress-text' });
  const cancelRead = L(el('button', { type: 'button', class: 'btn btn--small', id: 'loader-cancel' }), 'loader.cancel');
  const progress = el('div', { class: 'loader-progress', 'data-testid': 'loader-progress' }, bar, barText, cancelRead);
  progress.hidden = true;
  const status = el('p', { class: 'loader-status', role: 'status', 'aria-live': 'polite', 'data-testid': 'loader-status' });

  // Preview.
  const preview = el('section', { class: 'loader-preview', 'data-testid': 'loader-preview', 'aria-live': 'polite' });
  preview.hidden = true;

  // Actions.
  const replace = L(el('button', { type: 'button', class: 'btn btn--primary', id: 'loader-replace' }), 'loader.replace');
  const join = L(el('button', { type: 'button', class: 'btn', id: 'loader-join' }), 'loader.join');
  const cancel = L(el('button', { type: 'button', class: 'btn', id: 'loader-dismiss' }), 'loader.cancel');
  const footer = el('div', { class: 'loader-actions' }, replace, join, cancel);

  dialog.append(
    el('form', { method: 'dialog', class: 'loader-dialog__form' }, close),
    title,
    L(el('p', { class: 'loader-intro' }), 'loader.intro'),
    L(el('p', { class: 'loader-columns' }), 'loader.columns'),
    drop,
    paste,
    options,
    progress,
    status,
    preview,
    footer,
  );

  const checker = createChecker(
    () => ({
      layers: { counties: ctx.boundaries.counties, prefectures: ctx.boundaries.prefectures, region: ctx.boundaries.region },
      platforms: ctx.published.platforms,
      currentYear: new Date().getFullYear(),
      industryLabels: industryLabels(),
    }),
    {
      ready: () => (dialog.dataset.workerReady = 'true'),
      progress(bytes, total, rows) {
        performance.mark('loader:progress');
        bar.max = Math.max(1, total);
        bar.value = bytes;
        barText.textContent = tr('loader.reading', { done: mb(bytes), total: mb(total), rows: formatNumber(lang(), rows) });
      },
      preview(p) {
        performance.mark('loader:preview');
        progress.hidden = true;
        result = p;
        renderPreview(p);
        setButtons();
      },
      failed(message) {
        progress.hidden = true;
        status.textContent = tr('loader.failed', { detail: message });
      },
      records: (flows, platforms) => receive(flows, platforms),
    },
  );
  const warm = () => {
    delete dialog.dataset.workerReady;
    checker.warm();
  };
  let current: { blob: Blob; file: string; sheet?: string | null } | null = null;
  /** The user's own mapping of columns and values (./userMapping.ts), kept for the next file. */
  let mapping: UserMapping = emptyMapping();
  let result: Preview | null = null;
  let applying = false;

  const stop = () => checker.stop();
  const setButtons = () => {
    const usable = !!result && !result.fatal && result.good > 0 && !applying;
    replace.disabled = !usable;
    join.disabled = !usable;
  };
  const relabel = () => {
    for (const [e, key] of labels) e.textContent = tr(key);
    if (result) renderPreview(result);
  };

  const check = (blob: Blob, file: string) => {
    stop();
    current = { blob, file, sheet: current?.blob === blob ? current.sheet : null };
    result = null;
    applying = false;
    preview.hidden = true;
    preview.replaceChildren();
    status.textContent = '';
    setButtons();
    progress.hidden = false;
    bar.max = Math.max(1, blob.size);
    bar.value = 0;
    barText.textContent = tr('loader.reading', { done: mb(0), total: mb(blob.size), rows: 0 });
    delete dialog.dataset.workerReady;
    const y = year.value.trim() === '' ? null : Number(year.value);
    const request: CheckRequest = {
      blob,
      file,
      measure: measure.value as Measure,
      defaultYear: y !== null && Number.isInteger(y) ? y : null,
      mapping,
      sheet: current?.sheet ?? null,
    };
    performance.mark('loader:check');
    checker.check(request);
  };

  // Taking the records after Replace / Join.
  let mode: LoadMode = 'replace';
  const receive = (flows: PlacedFlow[], platforms: Platform[]) => {
    const file = current?.file ?? '';
    const stateBefore = store.get();
    const collided = new Set((result?.collisions ?? []).map((c) => c.id));
    const kept = mode === 'join' ? platforms.filter((p) => !collided.has(p.id)) : platforms;
    const dataset = customDataset(ctx.published, { flows, platforms: kept, source: userSource(file) }, mode);
    // The measure most rows have: the one `value` counts, or those named by their headers (企业数 → firms).
    const metric = bestMetric(flows, result?.form === 'simple' ? (measure.value as Measure) : stateBefore.metric);
    const count = flows.length + kept.length;
    // A large file would hold the page in one long task: the columns for the first view are
    // built a part per task, the dialog closes in a task of its own (closing a modal dialog
    // restyles the whole page), then state and data change together.
    void prepareView(dataset, metric)
      .then(() => {
        dialog.close();
        return nextTask();
      })
      .then(() => {
        hooks.onApplied(file, count, mode, stateBefore);
        // Filters of the previous data would hide the new rows: start from all of them. The state
        // first (a redraw of the data shown now), then the data (one redraw of the new rows).
        store.set({ industry: [], years: null, origin: null, dest: null, tier: [], category: [], focus: null, story: null, metric, custom: true });
        ctx.setData(dataset, true);
        applying = false;
      });
  };
  const apply = (m: LoadMode) => {
    if (!result || applying) return;
    applying = true;
    mode = m;
    setButtons();
    status.textContent = tr('loader.applying');
    if (!checker.take()) {
      applying = false;
      setButtons();
    }
  };

  fileInput.addEventListener('change', () => {
    const f = fileInput.files?.[0];
    if (f) check(f, f.name);
    fileInput.value = '';
  });
  pasteButton.addEventListener('click', () => {
    if (pasteArea.value.trim() === '') return;
    check(new Blob([pasteArea.value], { type: 'text/csv' }), tr('loader.pasted'));
  });
  const recheck = () => {
    if (current && !applying) check(current.blob, current.file);
  };
  measure.addEventListener('change', recheck);
  year.addEventListener('change', recheck);
  cancelRead.addEventListener('click', () => {
    stop();
    current = null;
    progress.hidden = true;
    status.textContent = tr('loader.cancelled');
  });
  cancel.addEventListener('click', () => dialog.close());
  replace.addEventListener('click', () => apply('replace'));
  join.addEventListener('click', () => apply('join'));

  // The user's mapping: edited in the preview, saved as JSON, loaded from JSON.
  let places: PlaceOption[] | null = null;
  const placeOptions = (): PlaceOption[] =>
    (places ??= [...ctx.boundaries.prefectures.features, ...ctx.boundaries.counties.features].map((f) => ({ adcode: f.properties.adcode, nameZh: f.properties.name_zh, nameEn: f.properties.name_en })));
  const mappingFile = el('input', { type: 'file', accept: '.json,application/json', id: 'loader-mapping-file', class: 'visually-hidden' });
  dialog.append(mappingFile);
  const mappingHooks: MappingPanelHooks = {
    get mapping() {
      return mapping;
    },
    apply: () => recheck(),
    save() {
      const url = URL.createObjectURL(new Blob([serializeMapping(mapping)], { type: 'application/json' }));
      const a = el('a', { href: url, download: 'mapping.json' });
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
    },
    load: () => mappingFile.click(),
    clear() {
      mapping = emptyMapping();
      recheck();
    },
  };
  mappingFile.addEventListener('change', () => {
    const f = mappingFile.files?.[0];
    mappingFile.value = '';
    if (!f) return;
    void f.text().then((text) => {
      const known = new Set(placeOptions().map((u) => u.adcode));
      const r = parseMapping(text, (a) => known.has(a));
      if (!r.ok) {
        status.textContent = tr('loader.map.bad', { detail: r.reason });
        return;
      }
      mapping = r.mapping;
      const count = Object.keys(mapping.columns).length + Object.keys(mapping.places).length + Object.keys(mapping.industries).length;
      status.textContent = tr('loader.map.loaded', { n: count, skipped: r.skipped });
      recheck();
    });
  });

  /** An Excel workbook with several sheets: which one to read. */
  const sheetChooser = (p: Preview) => {
    const select = el('select', { id: 'loader-sheet' });
    for (const name of p.sheets) {
      const o = el('option', { value: name, text: name });
      o.selected = name === p.sheet;
      select.append(o);
    }
    select.addEventListener('change', () => {
      if (!current || applying) return;
      current.sheet = select.value;
      check(current.blob, current.file);
    });
    return el('div', { class: 'loader-option' }, el('label', { for: 'loader-sheet', text: tr('loader.sheet') }), select, el('span', { class: 'loader-hint', text: tr('loader.sheetHint') }));
  };

  let renders = 0;
  const renderPreview = (p: Preview) => {
    const l = lang();
    const token = String(++renders);
    preview.dataset.shown = token;
    const n = (v: number) => formatNumber(l, v);
    const parts: HTMLElement[] = [];
    const model = previewModel(p, l, tr, n, (a) => ctx.names().place(a, l));
    if (model.encoding) parts.push(el('p', { class: 'loader-note', 'data-testid': 'loader-encoding', text: model.encoding }));
    if (p.sheets.length > 1) parts.push(sheetChooser(p));
    if (model.fatal) parts.push(el('p', { class: 'loader-fatal', role: 'alert', 'data-testid': 'loader-fatal', text: model.fatal }));
    if (model.summary) parts.push(el('p', { class: 'loader-summary', 'data-testid': 'loader-summary', text: model.summary }));
    if (model.form) parts.push(el('p', { class: 'loader-note', text: model.form }));
    if (model.many) parts.push(el('p', { class: 'loader-fatal', 'data-testid': 'loader-many', text: model.many }));
    if (model.columns.length) {
      const body = el('tbody');
      for (const c of model.columns) body.append(el('tr', {}, el('td', {}, el('bdi', { text: c.column })), el('td', { text: c.used })));
      parts.push(
        el('h3', { text: tr('loader.mapping') }),
        el('table', { class: 'loader-table loader-mapping', 'data-testid': 'loader-mapping' }, el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: tr('loader.mapping.yours') }), el('th', { scope: 'col', text: tr('loader.mapping.used') }))), body),
      );
      if (model.columnsMore) parts.push(el('p', { class: 'loader-note', text: model.columnsMore }));
      if (model.defaults) parts.push(el('p', { class: 'loader-note', text: model.defaults }));
    }
    if (model.notedTitle) {
      const list = el('ul', { class: 'loader-noted', 'data-testid': 'loader-noted' });
      for (const v of model.noted) list.append(el('li', {}, el('bdi', { text: v.text })));
      parts.push(el('h3', { text: model.notedTitle }), list);
    }
    if (p.table !== 'platforms') parts.push(mappingPanel(model, placeOptions(), tr, mappingHooks));
    if (p.sample.length) {
      const cols: MessageKey[] = ['loader.col.line', 'loader.col.from', 'loader.col.to', 'loader.col.value', 'loader.col.industry', 'loader.col.year', 'loader.col.name'];
      const names = ctx.names();
      const place = (a: number) => names.place(a, l);
      const body = p.sample.map((r) => {
        if (r.flow) {
          const f = r.flow;
          const figure = ([['projects', f.projects], ['cny-100m', f.investmentCny100m], ['firms', f.firms], ['merchants', f.merchants]] as const).find(([, v]) => v !== null);
          const to = f.destinationPlatformId ? ctx.published.platforms.find((x) => x.id === f.destinationPlatformId) : undefined;
          return el(
            'tr',
            {},
            el('td', { text: String(r.line) }),
            el('td', { text: place(f.originAdcode) }),
            el('td', { text: to ? (l === 'zh' ? to.nameZh : to.nameEn) : place(f.destinationAdcode) }),
            el('td', { text: figure ? formatValue(l, figure[1]!, figure[0], f.bound) : f.investmentUsdM !== null ? `${n(f.investmentUsdM)} USD m` : '' }),
            el('td', { text: t(l, `industry.${f.industry}` as MessageKey) }),
            el('td', { text: formatPeriod(l, f.periodStart, f.periodEnd) }),
            el('td', { class: 'loader-name' }, el('bdi', { text: l === 'zh' ? f.entityZh : f.entityEn })),
          );
        }
        const pl = r.platform!;
        return el('tr', {}, el('td', { text: String(r.line) }), el('td', { text: pl.id }), el('td', { text: place(pl.adcode) }), el('td', { text: `${pl.lon}, ${pl.lat}` }), el('td', { text: t(l, `tier.${pl.tier}` as MessageKey) }), el('td'), el('td', { class: 'loader-name', text: l === 'zh' ? pl.nameZh : pl.nameEn }));
      });
      parts.push(
        el('h3', { text: tr('loader.sample', { n: p.sample.length }) }),
        el('div', { class: 'loader-scroll' }, el('table', { class: 'loader-table', 'data-testid': 'loader-sample' }, el('thead', {}, el('tr', {}, ...cols.map((c) => el('th', { scope: 'col', text: tr(c) })))), el('tbody', {}, ...body))),
      );
    }
    if (!p.fatal) {
      parts.push(el('h3', { text: tr('loader.errors', { n: n(p.errorCount) }) }));
      if (p.errors.length) {
        // The first rows now, the rest in later tasks (a thousand lines at once is a long task).
        const list = el('ol', { class: 'loader-errors', 'data-testid': 'loader-errors' });
        const add = (from: number) => {
          if (preview.dataset.shown !== token) return;
          list.append(...p.errors.slice(from, from + ERRORS_PER_TASK).map((e) => el('li', {}, el('code', { text: visible(formatError(e)) }))));
          if (from + ERRORS_PER_TASK < p.errors.length) setTimeout(() => add(from + ERRORS_PER_TASK), 0);
        };
        queueMicrotask(() => add(0));
        parts.push(list);
        if (p.errorCount > p.errors.length) parts.push(el('p', { class: 'loader-note', text: tr('loader.errorsMore', { shown: n(p.errors.length), total: n(p.errorCount) }) }));
      } else parts.push(el('p', { class: 'loader-note', text: tr('loader.noErrors') }));
      if (p.collisions.length) {
        parts.push(el('p', { class: 'loader-note', text: tr('loader.collisions', { n: p.collisions.length, ids: p.collisions.slice(0, 20).map((c) => `${c.id} (${c.line})`).join(', ') }) }));
      }
    }
    preview.replaceChildren(...parts);
    preview.hidden = false;
    parts[0]?.scrollIntoView({ block: 'nearest' });
  };

  const reset = () => {
    stop();
    current = null;
    result = null;
    applying = false;
    progress.hidden = true;
    preview.hidden = true;
    preview.replaceChildren();
    status.textContent = '';
    setButtons();
  };
  reset();

  return { el: dialog, check, reset, relabel, warm };
}

export type Dialog = ReturnType<typeof buildDialog>;
