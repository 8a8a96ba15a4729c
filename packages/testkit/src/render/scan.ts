import { type Canvas, createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import type { Rng } from '../rng.ts';
import { HAND_FONTS, handFontPath } from './fonts.ts';
import { type Geometry, type Item, layout } from './layout.ts';

/**
 * Page-sized canvases are reused: native canvas memory is released lazily, and a fresh pair per page
 * took a 40-script corpus past 1.5 GB.
 */
const pool = new Map<string, Canvas>();
function canvas(role: string, w: number, h: number): Canvas {
  const k = `${role}:${w}x${h}`;
  let c = pool.get(k);
  if (!c) {
    c = createCanvas(w, h);
    pool.set(k, c);
  }
  const g = c.getContext('2d');
  g.setTransform(1, 0, 0, 1, 0, 0);
  g.filter = 'none';
  g.globalAlpha = 1;
  return c;
}

let registered = false;
function registerHandFonts(): void {
  if (registered) return;
  for (const f of HAND_FONTS) {
    if (!GlobalFonts.registerFromPath(handFontPath(f.family), `tk-${f.family}`)) {
      throw new Error(`cannot load handwriting font ${f.family}`);
    }
  }
  registered = true;
}

export interface ScanStyle {
  dpi: number;
  font: (typeof HAND_FONTS)[number];
  ink: string;
  paper: string;
  ruled: boolean;
  /** degrees */
  rotation: number;
  /** pixels between the ink and its faint bleed copy */
  blur: number;
  noise: number;
  /** 0..1 strength of the lighting gradient */
  shadow: number;
  /** page photographed on a dark desk, not scanned */
  phone: boolean;
  quality: number;
  pageNumbers: boolean;
}

export function randomScanStyle(rng: Rng, phone: boolean): ScanStyle {
  return {
    // a few fixed resolutions, so the page canvases can be reused (see `canvas`)
    dpi: rng.pick([150, 165, 180, 200]),
    font: rng.pick(HAND_FONTS),
    ink: rng.pick(['#1b2a5c', '#1a1a1a', '#22306e', '#2b2b33', '#0f3a7a']),
    paper: rng.pick(['#fbfaf4', '#f7f5ec', '#fdfdfb', '#f4f1e6']),
    ruled: rng.chance(0.8),
    rotation: phone ? rng.range(-2.5, 2.5) : rng.range(-1.2, 1.2),
    blur: rng.range(0.3, phone ? 1.1 : 0.8),
    noise: rng.range(6, phone ? 20 : 14),
    shadow: phone ? rng.range(0.25, 0.45) : rng.range(0, 0.2),
    phone,
    quality: rng.int(62, 86),
    pageNumbers: rng.chance(0.6),
  };
}

export interface ScanPage {
  jpeg: Buffer;
  /** PDF page size in points */
  width: number;
  height: number;
}

const INCH_W = 8.27;
const INCH_H = 11.69;

/** Lay out the items in handwriting on ruled paper and return one JPEG per page. */
export function renderScan(items: Item[], st: ScanStyle, rng: Rng, firstPageNo = 1): ScanPage[] {
  registerHandFonts();
  const W = Math.round(INCH_W * st.dpi);
  const H = Math.round(INCH_H * st.dpi);
  const rule = Math.round(0.3 * st.dpi);
  const size = rule * 0.62 * st.font.scale;
  const family = `tk-${st.font.family}`;
  const geo: Geometry = {
    width: W,
    height: H,
    left: Math.round(1.15 * st.dpi),
    right: Math.round(0.45 * st.dpi),
    top: Math.round(0.95 * st.dpi),
    bottom: Math.round(0.6 * st.dpi),
    lineHeight: rule,
    fontSize: size,
    indent: Math.round(0.15 * st.dpi),
  };
  const probe = createCanvas(10, 10).getContext('2d');
  const measure = (t: string, sz: number) => {
    probe.font = `${sz}px "${family}"`;
    return probe.measureText(t).width;
  };
  const pages = layout(items, geo, measure, 'visual');
  const outH = st.phone ? Math.round(W * 1.37) : H;
  return pages.map((p, k) => {
    // one canvas per page and no full-page drawImage/getImageData: those leak native memory in
    // @napi-rs/canvas (~5-15 MB a page), so paper, ink and blur are drawn straight in place
    const out = canvas('out', W, outH);
    const g = out.getContext('2d');
    g.fillStyle = st.phone ? '#2e2f33' : '#f2f2ee';
    g.fillRect(0, 0, W, outH);
    const scale = st.phone ? Math.min(0.9, (0.93 * outH) / H) : 1;
    g.save();
    g.translate(W / 2 + rng.range(-8, 8), outH / 2 + rng.range(-8, 8));
    g.rotate((st.rotation * Math.PI) / 180);
    g.scale(scale, scale);
    g.translate(-W / 2, -H / 2);
    g.fillStyle = st.paper;
    g.fillRect(0, 0, W, H);
    const firstBaseline = geo.top + geo.fontSize;
    if (st.ruled) {
      g.strokeStyle = 'rgba(120,150,200,0.55)';
      g.lineWidth = Math.max(1, st.dpi / 110);
      for (let y = firstBaseline + rule * 0.12 - rule * 2; y < H - rule * 0.5; y += rule) {
        g.beginPath();
        g.moveTo(0, y);
        g.lineTo(W, y);
        g.stroke();
      }
      g.strokeStyle = 'rgba(220,90,90,0.6)';
      g.beginPath();
      g.moveTo(geo.left - st.dpi * 0.2, 0);
      g.lineTo(geo.left - st.dpi * 0.2, H);
      g.stroke();
    }
    g.fillStyle = st.ink;
    if (st.pageNumbers) {
      g.font = `${size * 0.8}px "${family}"`;
      g.fillText(`P.${firstPageNo + k}`, W - geo.right - size * 2, geo.top - rule * 0.8);
    }
    // handwriting wobble: each line drifts a little, each run jitters
    let lineY = Number.NaN;
    let drift = 0;
    for (const r of p.runs) {
      if (Math.abs(r.y - lineY) > size * 0.6 && r.kind === 'n') {
        lineY = r.y;
        drift = rng.range(-1.5, 1.5) * (st.dpi / 150);
      }
      g.font = `${r.bold ? 'bold ' : ''}${r.size * rng.range(0.97, 1.03)}px "${family}"`;
      const x = r.x + rng.range(-0.6, 0.6);
      const y = r.y + drift + rng.range(-0.8, 0.8);
      // ink bleed / scanner softness: a faint copy a fraction of a pixel off (a blur filter is 20x slower)
      g.globalAlpha = 0.35;
      g.fillText(r.text, x + st.blur, y + st.blur * 0.6);
      g.globalAlpha = 1;
      g.fillText(r.text, x, y);
    }
    g.restore();
    if (st.shadow > 0) {
      const grad = g.createLinearGradient(0, 0, W * rng.range(0.6, 1.2), outH);
      grad.addColorStop(0, `rgba(0,0,0,${(st.shadow * 0.1).toFixed(3)})`);
      grad.addColorStop(1, `rgba(0,0,0,${st.shadow.toFixed(3)})`);
      g.fillStyle = grad;
      g.fillRect(0, 0, W, outH);
    }
    addNoise(g, W, outH, st.noise, rng);
    return {
      jpeg: out.toBuffer('image/jpeg', st.quality),
      width: 595.28,
      height: st.phone ? 595.28 * 1.37 : 841.89,
    };
  });
}

let noiseTile: Canvas | null = null;

/** sensor/paper grain: a fixed random tile laid over the page at a random offset */
function addNoise(g: SKRSContext2D, W: number, H: number, amp: number, rng: Rng): void {
  if (!noiseTile) {
    noiseTile = createCanvas(256, 256);
    const t = noiseTile.getContext('2d');
    const img = t.createImageData(256, 256);
    const r = new NoiseRng(0x5eed);
    for (let i = 0; i < img.data.length; i += 4) {
      const v = r.next() < 0.5 ? 0 : 255;
      img.data[i] = img.data[i + 1] = img.data[i + 2] = v;
      img.data[i + 3] = Math.floor(r.next() * 255);
    }
    t.putImageData(img, 0, 0);
  }
  const pattern = g.createPattern(noiseTile, 'repeat');
  if (!pattern) return;
  g.save();
  g.globalAlpha = Math.min(0.5, amp / 60);
  g.translate(-rng.int(0, 255), -rng.int(0, 255));
  g.fillStyle = pattern;
  g.fillRect(0, 0, W + 256, H + 256);
  g.restore();
}

/** a tiny LCG for the fixed noise tile (independent of the script streams) */
class NoiseRng {
  constructor(private s: number) {}
  next(): number {
    this.s = (Math.imul(this.s, 1664525) + 1013904223) >>> 0;
    return this.s / 4294967296;
  }
}
