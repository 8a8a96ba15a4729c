// Handwriting with Hershey stroke fonts, harder than the TrueType "hand" fonts of scan.ts: every
// glyph instance gets its own scale, rotation, slant and baseline, its vertices jitter, each word
// is bent by a smooth random displacement field (elastic distortion, Simard et al. 2003), and the
// pen's width varies from stroke to stroke. Page habits: lines that drift, underlined or circled
// labels, a boxed result, a wrong value struck out before the right one, ruled or plain paper.
// Capture: a flatbed scan (slight rotation, uneven light, noise, JPEG) or a phone photo (the page on
// a darker desk in perspective, a shadow, camera blur, strong JPEG).
import { createCanvas } from '@napi-rs/canvas';
import type { Rng } from '../rng.ts';
import {
  ACCENTED,
  accentStrokes,
  BASELINE,
  CAP,
  type Glyph,
  glyphOf,
  type HersheyFont,
  type HPoint,
  loadHershey,
  RAISED,
} from './hershey.ts';
import { type Geometry, type Item, layout, type Run } from './layout.ts';
import { homographyOf, mapPoint, type Pt } from './perspective.ts';

/** Private-use markers inside item text: decorations drawn around the words between them. */
export const MARK = {
  labelOpen: '\uE004',
  labelClose: '\uE005',
  boxOpen: '\uE000',
  boxClose: '\uE001',
  strikeOpen: '\uE002',
  strikeClose: '\uE003',
} as const;
const MARKERS = new RegExp(`[${Object.values(MARK).join('')}]`, 'g');
export const stripMarks = (s: string) => s.replace(MARKERS, '');

/** One writer: a Hershey face and how it is held. Lengths in Hershey units (cap height 21). */
export interface Hand {
  id: string;
  font: string;
  /** x shear: positive leans right */
  slant: number;
  /** cap height as a share of the ruled line spacing */
  size: number;
  /** per-vertex jitter (s.d.) */
  jitter: number;
  /** per-glyph rotation (degrees, s.d.) */
  wobble: number;
  /** per-glyph scale spread (s.d., relative) */
  scaleVar: number;
  /** per-glyph baseline spread (s.d.) */
  baselineVar: number;
  /** amplitude of the per-word elastic displacement */
  elastic: number;
  /** pen width */
  pen: number;
  /** relative spread of the pen width between strokes */
  penVar: number;
  /** advance factor between letters */
  spacing: number;
  ink: [number, number, number];
}

export type LabelDecor = 'none' | 'underline' | 'circle';

export interface HandPageStyle {
  ruled: boolean;
  paper: [number, number, number];
  decor: LabelDecor;
  /** per-line drift of the baseline (slope s.d., radians) */
  drift: number;
  pageNumbers: boolean;
}

export interface ScanCapture {
  kind: 'scan';
  dpi: number;
  rotation: number;
  /** 0..1: darkening from one side */
  light: number;
  noise: number;
  quality: number;
}
export interface PhoneCapture {
  kind: 'phone';
  /** resolution of the page in the photo */
  pageDpi: number;
  /** share of the frame's width the page covers */
  coverage: number;
  /** perspective strength (0.03-0.15): how much shorter the far edge is */
  tilt: number;
  rotation: number;
  /** gradient shadow strength 0..1 */
  shadow: number;
  /** a soft-edged shadow (hand, phone) over part of the page: darkening 0..1 */
  blob: number;
  desk: [number, number, number];
  noise: number;
  quality: number;
}
export type Capture = ScanCapture | PhoneCapture;

export interface CapturedPage {
  jpeg: Buffer;
  /** PDF page size, points */
  width: number;
  height: number;
  /** pixels of the image */
  px: number;
  py: number;
}

const gauss = (rng: Rng) => {
  // Box-Muller
  const u = Math.max(1e-12, rng.next());
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
};

/** Width in page units of `text` at cap-height `cap` px for this hand (markers take no room). */
function textWidth(font: HersheyFont, hand: Hand, text: string, cap: number): number {
  const u = cap / CAP;
  let w = 0;
  for (const ch of stripMarks(text)) {
    if (ch === '\u0303') continue;
    const raised = RAISED[ch];
    const acc = ACCENTED[ch];
    const g = glyphOf(font, raised ?? acc?.base ?? ch);
    const adv = g ? g.right - g.left : 10;
    w += adv * u * hand.spacing * (raised ? 0.6 : 1);
  }
  return w;
}

type Bounds = { x0: number; y0: number; x1: number; y1: number };
const grow = (b: Bounds | null, x: number, y: number): Bounds =>
  b
    ? { x0: Math.min(b.x0, x), y0: Math.min(b.y0, y), x1: Math.max(b.x1, x), y1: Math.max(b.y1, y) }
    : { x0: x, y0: y, x1: x, y1: y };

/** A smooth random displacement field over one word (sum of a few low-frequency waves). */
function elasticField(rng: Rng, amp: number, wavelength: number) {
  const waves = Array.from({ length: 3 }, () => ({
    kx: (rng.range(-1, 1) * 2 * Math.PI) / wavelength,
    ky: (rng.range(-1, 1) * 2 * Math.PI) / wavelength,
    px: rng.range(0, 2 * Math.PI),
    py: rng.range(0, 2 * Math.PI),
    ax: (amp * rng.range(0.3, 1)) / Math.sqrt(3),
    ay: (amp * rng.range(0.3, 1)) / Math.sqrt(3),
  }));
  return (x: number, y: number): [number, number] => {
    let dx = 0;
    let dy = 0;
    for (const w of waves) {
      const t = w.kx * x + w.ky * y;
      dx += w.ax * Math.sin(t + w.px);
      dy += w.ay * Math.sin(t + w.py);
    }
    return [dx, dy];
  };
}

interface PenCtx {
  g: ReturnType<ReturnType<typeof createCanvas>['getContext']>;
  hand: Hand;
  rng: Rng;
  /** px per Hershey unit of the normal text size */
  unit: number;
}

/** Draws strokes already in page px, with a pen whose width changes along the stroke. */
function drawStrokes(p: PenCtx, strokes: Pt[][], widthScale = 1): void {
  const { g, hand, rng, unit } = p;
  const [r, gg, b] = hand.ink;
  for (const s of strokes) {
    const base = hand.pen * unit * widthScale * Math.max(0.5, 1 + hand.penVar * gauss(rng));
    const alpha = rng.range(0.78, 0.95);
    g.strokeStyle = `rgba(${r},${gg},${b},${alpha.toFixed(2)})`;
    if (s.length === 1) {
      g.fillStyle = g.strokeStyle;
      g.beginPath();
      g.arc(s[0].x, s[0].y, base / 2, 0, 2 * Math.PI);
      g.fill();
      continue;
    }
    // pressure: a slow change of width along the stroke
    const phase = rng.range(0, Math.PI * 2);
    for (let k = 1; k < s.length; k++) {
      const t = k / s.length;
      g.lineWidth = Math.max(0.6, base * (1 + 0.25 * Math.sin(phase + t * Math.PI)));
      g.beginPath();
      g.moveTo(s[k - 1].x, s[k - 1].y);
      g.lineTo(s[k].x, s[k].y);
      g.stroke();
    }
  }
}

/** Lays the items out in this hand and draws each page (RGBA pixels at `dpi`). */
export function drawHandPages(
  items: Item[],
  hand: Hand,
  st: HandPageStyle,
  dpi: number,
  rng: Rng,
): { rgba: Uint8ClampedArray; width: number; height: number }[] {
  const font = loadHershey(hand.font);
  const W = Math.round(8.27 * dpi);
  const H = Math.round(11.69 * dpi);
  const rule = Math.round(0.3 * dpi);
  const cap = rule * hand.size;
  // layout works with a "font size"; here size = cap height / 0.7
  const fontSize = cap / 0.7;
  const geo: Geometry = {
    width: W,
    height: H,
    left: Math.round(1.1 * dpi),
    right: Math.round(0.5 * dpi),
    top: Math.round(0.9 * dpi),
    bottom: Math.round(0.6 * dpi),
    lineHeight: rule,
    fontSize,
    indent: Math.round(0.15 * dpi),
  };
  const measure = (t: string, size: number) => textWidth(font, hand, `${t}`, size * 0.7);
  const pages = layout(items, geo, measure, 'visual');
  const unit = cap / CAP;
  return pages.map((p, k) => {
    const c = createCanvas(W, H);
    const g = c.getContext('2d');
    g.fillStyle = `rgb(${st.paper.join(',')})`;
    g.fillRect(0, 0, W, H);
    const firstBaseline = geo.top + geo.fontSize;
    if (st.ruled) {
      g.strokeStyle = 'rgba(110,140,200,0.6)';
      g.lineWidth = Math.max(1, dpi / 110);
      for (let y = firstBaseline + rule * 0.1 - rule * 2; y < H - rule * 0.5; y += rule) {
        g.beginPath();
        g.moveTo(0, y);
        g.lineTo(W, y);
        g.stroke();
      }
      g.strokeStyle = 'rgba(215,80,80,0.65)';
      g.beginPath();
      g.moveTo(geo.left - dpi * 0.2, 0);
      g.lineTo(geo.left - dpi * 0.2, H);
      g.stroke();
    }
    g.lineCap = 'round';
    g.lineJoin = 'round';
    const pen: PenCtx = { g, hand, rng, unit };
    const runs: Run[] = [...p.runs];
    if (st.pageNumbers)
      runs.unshift({
        text: `P.${k + 1}`,
        x: W - geo.right - cap * 3,
        y: geo.top - rule * 0.8,
        size: fontSize * 0.8,
        bold: false,
        kind: 'n',
      });
    drawRuns(pen, font, runs, st, rng, geo.left);
    const d = g.getImageData(0, 0, W, H);
    return { rgba: d.data, width: W, height: H };
  });
}

function drawRuns(pen: PenCtx, font: HersheyFont, runs: Run[], st: HandPageStyle, rng: Rng, left: number) {
  const { hand } = pen;
  let lineY = Number.NaN;
  let slope = 0;
  let lift = 0;
  // decorations collect the bounds of what they surround
  let label: Bounds | null = null;
  let inLabel = false;
  let box: Bounds | null = null;
  let inBox = false;
  let strike: Bounds | null = null;
  let inStrike = false;
  for (const r of runs) {
    if (Math.abs(r.y - lineY) > r.size * 0.6 && r.kind === 'n') {
      lineY = r.y;
      slope = st.drift * gauss(rng);
      lift = rng.range(-0.1, 0.1) * r.size;
    }
    const cap = r.size * 0.7;
    const u = cap / CAP;
    let x = r.x;
    const field = elasticField(rng, hand.elastic * u, cap * rng.range(1.2, 2.4));
    let prev: { g: Glyph; tf: (p: HPoint) => Pt; upper: boolean } | null = null;
    for (const ch of r.text) {
      if (ch === MARK.labelOpen) inLabel = true;
      if (ch === MARK.boxOpen) inBox = true;
      if (ch === MARK.strikeOpen) inStrike = true;
      if (ch === MARK.labelClose || ch === MARK.boxClose || ch === MARK.strikeClose) {
        if (ch === MARK.labelClose && label) decorateLabel(pen, label, st.decor, cap);
        if (ch === MARK.boxClose && box) drawBox(pen, box, cap);
        if (ch === MARK.strikeClose && strike) drawStrike(pen, strike, cap);
        if (ch === MARK.labelClose) [inLabel, label] = [false, null];
        if (ch === MARK.boxClose) [inBox, box] = [false, null];
        if (ch === MARK.strikeClose) [inStrike, strike] = [false, null];
        continue;
      }
      if (ch === MARK.labelOpen || ch === MARK.boxOpen || ch === MARK.strikeOpen) continue;
      if (ch === '\u0303') {
        // a combining tilde over the glyph just drawn
        if (prev) {
          const acc = accentStrokes('tilde', prev.g.left, prev.g.right, prev.upper ? -12 : -5);
          drawStrokes(
            pen,
            acc.map((s) => s.map(prev!.tf)),
          );
        }
        continue;
      }
      const raised = RAISED[ch];
      const acc = ACCENTED[ch];
      const g = glyphOf(font, raised ?? acc?.base ?? ch);
      const scale = (raised ? 0.6 : 1) * Math.max(0.7, 1 + hand.scaleVar * gauss(rng));
      const adv = (g ? g.right - g.left : 10) * u * hand.spacing * (raised ? 0.6 : 1);
      if (g && ch !== ' ') {
        const rot = (hand.wobble * gauss(rng) * Math.PI) / 180;
        const shear = hand.slant + 0.04 * gauss(rng);
        const sx = 1 + 0.04 * gauss(rng);
        const dy = hand.baselineVar * gauss(rng) + (raised ? -11 : 0);
        const cr = Math.cos(rot);
        const sr = Math.sin(rot);
        const x0 = x;
        const baseY = r.y + lift + (x - left) * slope;
        const tf = ([hx, hy]: HPoint): Pt => {
          const lx = (hx - g.left) * sx * scale;
          const ly = (hy - BASELINE) * scale + dy;
          const shx = lx - shear * ly;
          const rx = shx * cr - ly * sr;
          const ry = shx * sr + ly * cr;
          const px = x0 + rx * u;
          const py = baseY + ry * u;
          const [ex, ey] = field(px, py);
          return { x: px + ex, y: py + ey };
        };
        const strokes = g.strokes.map((s) =>
          s.map((v) => tf([v[0] + hand.jitter * gauss(rng), v[1] + hand.jitter * gauss(rng)])),
        );
        if (acc)
          strokes.push(
            ...accentStrokes(acc.accent, g.left, g.right, /[A-Z]/.test(acc.base) ? -12 : -5).map((s) =>
              s.map(tf),
            ),
          );
        drawStrokes(pen, strokes, raised ? 0.8 : 1);
        const top = tf([g.left, -12]);
        const bottom = tf([g.right, BASELINE + 3]);
        const grow2 = (b: Bounds | null) => grow(grow(b, top.x, top.y), bottom.x, bottom.y);
        if (inLabel) label = grow2(label);
        if (inBox) box = grow2(box);
        if (inStrike) strike = grow2(strike);
        prev = { g, tf, upper: /[A-Z0-9(]/.test(raised ?? acc?.base ?? ch) };
      }
      x += adv * (1 + 0.05 * gauss(rng));
    }
  }
}

/** A hand-drawn polyline through points, a little jittered. */
function wobbly(pts: Pt[], rng: Rng, amp: number): Pt[] {
  return pts.map((p) => ({ x: p.x + amp * gauss(rng), y: p.y + amp * gauss(rng) }));
}

function decorateLabel(pen: PenCtx, b: Bounds, decor: LabelDecor, cap: number) {
  const { rng } = pen;
  if (decor === 'underline') {
    const y = b.y1 + cap * 0.12;
    const pts: Pt[] = [];
    for (let k = 0; k <= 6; k++) pts.push({ x: b.x0 - cap * 0.15 + ((b.x1 - b.x0 + cap * 0.3) * k) / 6, y });
    drawStrokes(pen, [wobbly(pts, rng, cap * 0.03)]);
    if (rng.chance(0.3))
      drawStrokes(pen, [
        wobbly(
          pts.map((p) => ({ x: p.x, y: p.y + cap * 0.18 })),
          rng,
          cap * 0.03,
        ),
      ]);
  } else if (decor === 'circle') {
    const cx = (b.x0 + b.x1) / 2;
    const cy = (b.y0 + b.y1) / 2;
    const rx = (b.x1 - b.x0) / 2 + cap * 0.45;
    const ry = (b.y1 - b.y0) / 2 + cap * 0.35;
    const a0 = rng.range(0, 2 * Math.PI);
    const pts: Pt[] = [];
    const n = 28;
    for (let k = 0; k <= n; k++) {
      const a = a0 + ((2 * Math.PI + 0.35) * k) / n;
      const s = 1 + 0.05 * Math.sin(3 * a + a0);
      pts.push({ x: cx + rx * s * Math.cos(a), y: cy + ry * s * Math.sin(a) });
    }
    drawStrokes(pen, [wobbly(pts, rng, cap * 0.02)]);
  }
}

function drawBox(pen: PenCtx, b: Bounds, cap: number) {
  const m = cap * 0.3;
  const o = cap * 0.15; // corners overshoot
  const { rng } = pen;
  const x0 = b.x0 - m;
  const x1 = b.x1 + m;
  const y0 = b.y0 - m;
  const y1 = b.y1 + m * 0.6;
  drawStrokes(pen, [
    wobbly(
      [
        { x: x0 - o, y: y0 },
        { x: x1 + o, y: y0 },
      ],
      rng,
      cap * 0.03,
    ),
    wobbly(
      [
        { x: x1, y: y0 - o },
        { x: x1, y: y1 + o },
      ],
      rng,
      cap * 0.03,
    ),
    wobbly(
      [
        { x: x1 + o, y: y1 },
        { x: x0 - o, y: y1 },
      ],
      rng,
      cap * 0.03,
    ),
    wobbly(
      [
        { x: x0, y: y1 + o },
        { x: x0, y: y0 - o },
      ],
      rng,
      cap * 0.03,
    ),
  ]);
}

function drawStrike(pen: PenCtx, b: Bounds, cap: number) {
  const { rng } = pen;
  // a firmer line than the writing: the student means it
  const ym = (b.y0 + b.y1) / 2 + cap * 0.1;
  if (rng.chance(0.5)) {
    // one or two lines through
    drawStrokes(
      pen,
      [
        wobbly(
          [
            { x: b.x0 - cap * 0.1, y: ym + cap * 0.1 },
            { x: b.x1 + cap * 0.1, y: ym - cap * 0.1 },
          ],
          rng,
          cap * 0.02,
        ),
      ],
      1.3,
    );
    if (rng.chance(0.5))
      drawStrokes(
        pen,
        [
          wobbly(
            [
              { x: b.x0 - cap * 0.1, y: ym - cap * 0.15 },
              { x: b.x1 + cap * 0.1, y: ym + cap * 0.05 },
            ],
            rng,
            cap * 0.02,
          ),
        ],
        1.3,
      );
    return;
  }
  // a scribble over it
  const pts: Pt[] = [];
  const n = Math.max(4, Math.round((b.x1 - b.x0) / (cap * 0.25)));
  for (let k = 0; k <= n; k++)
    pts.push({ x: b.x0 + ((b.x1 - b.x0) * k) / n, y: k % 2 ? b.y0 + cap * 0.2 : b.y1 - cap * 0.3 });
  drawStrokes(pen, [wobbly(pts, rng, cap * 0.04)], 1.2);
}

// ---- capture ----

/** Bilinear RGB sample (pixel centres at integers); null outside. */
function sample(src: Uint8ClampedArray, w: number, h: number, x: number, y: number, out: number[]): boolean {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  if (x0 < 0 || y0 < 0 || x0 >= w - 1 || y0 >= h - 1) return false;
  const fx = x - x0;
  const fy = y - y0;
  const i = (y0 * w + x0) * 4;
  const j = i + w * 4;
  for (let c = 0; c < 3; c++) {
    const t = src[i + c] + (src[i + 4 + c] - src[i + c]) * fx;
    const b = src[j + c] + (src[j + 4 + c] - src[j + c]) * fx;
    out[c] = t + (b - t) * fy;
  }
  return true;
}

/** 3×3 blur mixed in by `k` (0 = none, 1 = full), in place. */
function soften(px: Uint8ClampedArray, w: number, h: number, k: number): void {
  if (k <= 0) return;
  const src = new Uint8ClampedArray(px);
  for (let y = 1; y < h - 1; y++)
    for (let x = 1; x < w - 1; x++)
      for (let c = 0; c < 3; c++) {
        const i = (y * w + x) * 4 + c;
        let s = 0;
        for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) s += src[i + (dy * w + dx) * 4];
        px[i] = src[i] * (1 - k) + (s / 9) * k;
      }
}

function toJpeg(px: Uint8ClampedArray, w: number, h: number, quality: number): Buffer {
  const c = createCanvas(w, h);
  const g = c.getContext('2d');
  const d = g.createImageData(w, h);
  d.data.set(px);
  g.putImageData(d, 0, 0);
  return c.toBuffer('image/jpeg', quality);
}

/** A flatbed scan of the page: slight rotation, light falling off to one side, grain, JPEG. */
export function scanPage(
  page: { rgba: Uint8ClampedArray; width: number; height: number },
  cap: ScanCapture,
  rng: Rng,
): CapturedPage {
  const { width: w, height: h, rgba } = page;
  const out = new Uint8ClampedArray(w * h * 4);
  const t = (cap.rotation * Math.PI) / 180;
  const c = Math.cos(t);
  const s = Math.sin(t);
  const dir = rng.range(0, 2 * Math.PI);
  const lx = Math.cos(dir);
  const ly = Math.sin(dir);
  const v = [0, 0, 0];
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const dx = x - w / 2;
      const dy = y - h / 2;
      const sx = c * dx - s * dy + w / 2;
      const sy = s * dx + c * dy + h / 2;
      if (!sample(rgba, w, h, sx, sy, v)) v[0] = v[1] = v[2] = 236; // the scanner's lid
      // light: 1 on one side, 1 - light on the other
      const p = ((dx * lx + dy * ly) / Math.hypot(w, h) + 0.5) * cap.light;
      const o = (y * w + x) * 4;
      const n = cap.noise * gauss(rng);
      for (let k = 0; k < 3; k++) out[o + k] = v[k] * (1 - p) + n;
      out[o + 3] = 255;
    }
  soften(out, w, h, 0.35);
  return {
    jpeg: toJpeg(out, w, h, cap.quality),
    width: 595.28,
    height: 841.89,
    px: w,
    py: h,
  };
}

/** Where the page's corners land in a phone photo: perspective + rotation, around the frame's middle. */
export function phoneQuad(cap: PhoneCapture, pw: number, ph: number, fw: number, fh: number, rng: Rng): Pt[] {
  const cx = fw / 2 + rng.range(-0.03, 0.03) * fw;
  const cy = fh / 2 + rng.range(-0.03, 0.03) * fh;
  const k = cap.tilt;
  // which edge is far from the camera
  const far = rng.int(0, 3);
  const hw = pw / 2;
  const hh = ph / 2;
  const base: Pt[] = [
    { x: -hw, y: -hh },
    { x: hw, y: -hh },
    { x: hw, y: hh },
    { x: -hw, y: hh },
  ];
  const shrunk = base.map((p, i) => {
    const onFar =
      far === 0 ? i < 2 : far === 1 ? i === 1 || i === 2 : far === 2 ? i >= 2 : i === 0 || i === 3;
    return onFar ? { x: p.x * (far % 2 === 0 ? 1 - k : 1), y: p.y * (far % 2 === 1 ? 1 - k : 1) } : p;
  });
  const t = (cap.rotation * Math.PI) / 180;
  return shrunk.map((p) => ({
    x: cx + p.x * Math.cos(t) - p.y * Math.sin(t) + rng.range(-0.008, 0.008) * fw,
    y: cy + p.x * Math.sin(t) + p.y * Math.cos(t) + rng.range(-0.008, 0.008) * fh,
  }));
}

/**
 * A phone photo of the page: it lies on a darker desk, seen in perspective, under a shadow that
 * falls across the frame and a soft-edged one over part of the page; camera blur, grain, strong JPEG.
 * The PDF page is the frame at 150 DPI (what a phone-to-PDF app writes).
 */
export function photographPage(
  page: { rgba: Uint8ClampedArray; width: number; height: number },
  cap: PhoneCapture,
  rng: Rng,
): CapturedPage & { quad: Pt[] } {
  const pw = 8.27 * cap.pageDpi;
  const ph = 11.69 * cap.pageDpi;
  const fw = Math.round(pw / cap.coverage);
  const fh = Math.round((fw * 4) / 3);
  let quad = phoneQuad(cap, pw, ph, fw, fh, rng);
  // people frame the whole page: shrink it about the middle until it is inside with a margin
  const fit = Math.min(
    1,
    ...quad.map((p) =>
      Math.min((0.47 * fw) / Math.abs(p.x - fw / 2 || 1), (0.47 * fh) / Math.abs(p.y - fh / 2 || 1)),
    ),
  );
  if (fit < 1)
    quad = quad.map((p) => ({ x: fw / 2 + (p.x - fw / 2) * fit, y: fh / 2 + (p.y - fh / 2) * fit }));
  // frame -> source page pixels
  const src: Pt[] = [
    { x: 0, y: 0 },
    { x: page.width, y: 0 },
    { x: page.width, y: page.height },
    { x: 0, y: page.height },
  ];
  const hm = homographyOf(quad, src);
  const out = new Uint8ClampedArray(fw * fh * 4);
  const v = [0, 0, 0];
  // the shadow: a gradient from one corner, plus a soft ellipse
  const gdir = rng.range(0, 2 * Math.PI);
  const gx = Math.cos(gdir);
  const gy = Math.sin(gdir);
  const bx = rng.range(0.1, 0.9) * fw;
  const by = rng.range(0.5, 1.1) * fh;
  const br = rng.range(0.25, 0.45) * fw;
  const soft = rng.range(0.15, 0.35) * br;
  // desk texture: slow waves
  const dphase = rng.range(0, 6);
  // downsampling the page (source dpi > photo dpi) would alias: sample a 2×2 spread
  const ratio = page.width / pw;
  const off = ratio > 1.4 ? 0.25 * ratio : 0;
  for (let y = 0; y < fh; y++)
    for (let x = 0; x < fw; x++) {
      const [sx, sy] = mapPoint(hm, x + 0.5, y + 0.5);
      let inside = sx >= 0 && sy >= 0 && sx < page.width && sy < page.height;
      if (inside) {
        if (off) {
          let r = 0;
          let g = 0;
          let b = 0;
          let n = 0;
          for (const [ox, oy] of [
            [-off, -off],
            [off, -off],
            [-off, off],
            [off, off],
          ]) {
            if (sample(page.rgba, page.width, page.height, sx - 0.5 + ox, sy - 0.5 + oy, v)) {
              r += v[0];
              g += v[1];
              b += v[2];
              n++;
            }
          }
          if (n) {
            v[0] = r / n;
            v[1] = g / n;
            v[2] = b / n;
          } else inside = false;
        } else inside = sample(page.rgba, page.width, page.height, sx - 0.5, sy - 0.5, v);
      }
      if (!inside) {
        const tex =
          8 * Math.sin(x * 0.031 + dphase + Math.sin(y * 0.011) * 2) + 4 * Math.sin(y * 0.07 + x * 0.01);
        v[0] = cap.desk[0] + tex;
        v[1] = cap.desk[1] + tex * 0.8;
        v[2] = cap.desk[2] + tex * 0.6;
      }
      const grad = ((x - fw / 2) * gx + (y - fh / 2) * gy) / Math.hypot(fw, fh) + 0.5; // 0..1
      const d = Math.hypot(x - bx, (y - by) * 1.3) - br;
      const inBlob = d < -soft ? 1 : d > soft ? 0 : 0.5 - d / (2 * soft);
      const light = (1 - cap.shadow * grad) * (1 - cap.blob * inBlob);
      const o = (y * fw + x) * 4;
      const n = cap.noise * gauss(rng);
      // a slightly warm cast from indoor light
      out[o] = v[0] * light * 1.0 + n;
      out[o + 1] = v[1] * light * 0.97 + n;
      out[o + 2] = v[2] * light * 0.9 + n;
      out[o + 3] = 255;
    }
  soften(out, fw, fh, 0.6);
  return {
    jpeg: toJpeg(out, fw, fh, cap.quality),
    width: (fw * 72) / 150,
    height: (fh * 72) / 150,
    px: fw,
    py: fh,
    quad,
  };
}
