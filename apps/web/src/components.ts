/** Shared pieces of the views: page images with boxes, crops, bars, charts, badges, messages. */
import { type Box, boxToPercent, cropAround, type PageSize } from './boxes.ts';
import { type Child, h, s } from './dom.ts';
import { fmtPercent, statusLabel, statusTone } from './format.ts';
import type { Bin } from './stats.ts';

export interface BoxMark {
  box: Box;
  label?: string;
  /** the part the box belongs to, so a part card can point at its boxes */
  part?: string;
  /** 'none': a crop with nothing to point at (e.g. a guessed header area) */
  tone?: 'ok' | 'warn' | 'bad' | 'info' | 'none';
}

/** A page image with boxes drawn over it (percent-positioned, so they follow any image size). */
export function pageWithBoxes(src: string, page: PageSize, marks: BoxMark[], alt: string): HTMLElement {
  const img = h('img', { src, alt, loading: 'lazy', width: page.width, height: page.height });
  return h(
    'figure',
    { class: 'page', style: { aspectRatio: `${page.width} / ${page.height}` } },
    img,
    marks.map((m) => {
      const p = boxToPercent(m.box, page);
      return h(
        'div',
        {
          class: `box box-${m.tone ?? 'info'}`,
          style: { left: `${p.left}%`, top: `${p.top}%`, width: `${p.width}%`, height: `${p.height}%` },
          'data-testid': 'evidence-box',
          'data-part': m.part,
        },
        m.label ? h('span', { class: 'box-label' }, m.label) : null,
      );
    }),
  );
}

/**
 * A crop of a page around a box: a window whose aspect ratio is the crop's, holding the whole page
 * image scaled so that the crop fills the window's width.
 */
export function pageCrop(
  src: string,
  page: PageSize,
  box: Box,
  alt: string,
  tone: BoxMark['tone'] = 'warn',
): HTMLElement {
  const crop = cropAround(box, page);
  const scale = page.width / crop.w; // the page image is `scale` times the window's width
  const inner = h(
    'div',
    {
      class: 'crop-inner',
      style: {
        width: `${scale * 100}%`,
        left: `${(-crop.x / crop.w) * 100}%`,
        top: `${(-crop.y / crop.h) * 100}%`,
      },
    },
    pageWithBoxes(src, page, [{ box, tone }], alt),
  );
  return h('div', { class: 'crop', style: { aspectRatio: `${crop.w} / ${Math.max(1, crop.h)}` } }, inner);
}

export function progressBar(value: number, label: string, extra?: string): HTMLElement {
  const pct = fmtPercent(value);
  return h(
    'div',
    { class: 'progress-wrap' },
    h(
      'div',
      {
        class: 'progress',
        role: 'progressbar',
        'aria-label': label,
        'aria-valuemin': 0,
        'aria-valuemax': 100,
        'aria-valuenow': Number.parseInt(pct, 10),
      },
      h('div', { class: 'progress-fill', style: { width: pct } }),
    ),
    h('span', { class: 'progress-text' }, extra ?? pct),
  );
}

const TONE_ICON = { ok: '✓', warn: '!', bad: '✕', busy: '…' } as const;

export function statusBadge(status: string, forStudent = false): HTMLElement {
  const tone = statusTone(status);
  return h(
    'span',
    { class: `badge badge-${tone}`, 'data-status': status },
    h('span', { 'aria-hidden': 'true' }, TONE_ICON[tone]),
    ' ',
    statusLabel(status, forStudent),
  );
}

/** A score bar: filled part = score / max. */
export function scoreBar(score: number, max: number): HTMLElement {
  const frac = max > 0 ? score / max : 0;
  const tone = frac >= 0.999 ? 'ok' : frac <= 0.001 ? 'bad' : 'warn';
  return h(
    'span',
    { class: 'scorebar', 'aria-hidden': 'true' },
    h('span', { class: `scorebar-fill tone-${tone}`, style: { width: fmtPercent(frac) } }),
  );
}

/** An SVG bar chart of bins, with axis labels and an accessible summary. */
export function histogramSvg(
  bins: Bin[],
  opts: { title: string; mean?: number | null; median?: number | null; width?: number; height?: number },
): SVGElement {
  const W = opts.width ?? 320;
  const H = opts.height ?? 140;
  const padL = 28;
  const padB = 22;
  const padT = 8;
  const plotW = W - padL - 6;
  const plotH = H - padB - padT;
  const maxCount = Math.max(1, ...bins.map((b) => b.count));
  const bw = plotW / Math.max(1, bins.length);
  const lo = bins.length ? bins[0].from : 0;
  const hi = bins.length ? bins[bins.length - 1].to : 1;
  const xOf = (v: number) => padL + ((v - lo) / (hi - lo || 1)) * plotW;
  const desc = bins.map((b) => `${round(b.from)}–${round(b.to)}: ${b.count}`).join('; ');
  const marker = (v: number | null | undefined, cls: string, name: string) =>
    v === null || v === undefined || !Number.isFinite(v)
      ? null
      : s(
          'line',
          { class: cls, x1: xOf(v), x2: xOf(v), y1: padT, y2: padT + plotH },
          s('title', null, `${name} ${round(v)}`),
        );
  return s(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': `${opts.title}. ${desc}` },
    s('line', { class: 'axis', x1: padL, x2: padL + plotW, y1: padT + plotH, y2: padT + plotH }),
    s('text', { class: 'tick', x: padL - 4, y: padT + 8, 'text-anchor': 'end' }, String(maxCount)),
    s('text', { class: 'tick', x: padL - 4, y: padT + plotH, 'text-anchor': 'end' }, '0'),
    bins.map((b, i) => {
      const bh = (b.count / maxCount) * plotH;
      return s(
        'rect',
        { class: 'bar', x: padL + i * bw + 1, y: padT + plotH - bh, width: Math.max(1, bw - 2), height: bh },
        s('title', null, `${round(b.from)}–${round(b.to)}: ${b.count}`),
      );
    }),
    labelTicks(bins).map(([i, text]) =>
      s('text', { class: 'tick', x: padL + i * bw + bw / 2, y: H - 6, 'text-anchor': 'middle' }, text),
    ),
    marker(opts.mean, 'mean', 'mean'),
    marker(opts.median, 'median', 'median'),
  );
}

function labelTicks(bins: Bin[]): [number, string][] {
  const every = Math.max(1, Math.ceil(bins.length / 8));
  // half-point bins are centred on their score; wider bins are labelled by their lower edge
  const centred = bins.length > 0 && bins[0].from < 0;
  const out: [number, string][] = [];
  for (let i = 0; i < bins.length; i += every) {
    const v = centred ? (bins[i].from + bins[i].to) / 2 : bins[i].from;
    out.push([i, centred ? String(round(v)) : `${round(v)}–`]);
  }
  return out;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

export function errorBox(err: unknown): HTMLElement {
  const msg = err instanceof Error ? err.message : String(err);
  return h('div', { class: 'alert alert-bad', role: 'alert' }, msg);
}

export function notice(text: Child, tone: 'ok' | 'warn' | 'info' = 'info'): HTMLElement {
  return h('div', { class: `alert alert-${tone}`, role: 'status' }, text);
}

export function loading(what = 'Loading'): HTMLElement {
  return h('p', { class: 'muted', 'aria-live': 'polite' }, `${what}…`);
}

/** A labelled form field; `error` shows under it and is tied to the input for screen readers. */
export function field(
  label: string,
  input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement,
  error?: string,
  hint?: string,
): HTMLElement {
  const id = input.id || `in-${Math.random().toString(36).slice(2, 8)}`;
  input.id = id;
  const errId = `${id}-err`;
  if (error) {
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', errId);
  }
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    input,
    hint ? h('small', { class: 'muted' }, hint) : null,
    error ? h('small', { class: 'field-error', id: errId }, error) : null,
  );
}
