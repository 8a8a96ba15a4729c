import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { type Gray, rotate, toGray } from './image.ts';
import {
  applyHomography,
  detectPage,
  homography,
  type Point,
  preparePage,
  type Quad,
  rectifyPage,
  warpGray,
} from './page-detect.ts';
import { DEJAVU } from './testing-pdf.ts';

/** An A4 page of typed text at `dpi`, as gray pixels (ink 30 on paper 245). */
function textPage(dpi = 100): Gray {
  GlobalFonts.registerFromPath(DEJAVU, 'DejaVu Test');
  const w = Math.round(8.27 * dpi);
  const h = Math.round(11.69 * dpi);
  const c = createCanvas(w, h);
  const g = c.getContext('2d');
  g.fillStyle = 'rgb(245,245,245)';
  g.fillRect(0, 0, w, h);
  g.fillStyle = 'rgb(30,30,30)';
  const px = Math.round((13 / 72) * dpi);
  g.font = `${px}px "DejaVu Test"`;
  const words = 'the forget gate f_t scales the old cell state C_{t-1} and 0.7 tanh 72 parameters'.split(' ');
  for (let i = 0, y = dpi; y < h - dpi * 0.8; i++, y += px * 1.8) {
    let line = '';
    for (let k = 0; k < 9; k++) line += `${words[(i * 7 + k * 3) % words.length]} `;
    g.fillText(`${i + 1}. ${line}`, dpi * 0.8, y);
  }
  const d = g.getImageData(0, 0, w, h);
  return toGray(d.data, w, h);
}

/**
 * A phone photo of `page`: the page's corners go to `corners` in a `W`×`H` frame on a dark desk,
 * under a shadow that darkens the frame from one corner to the other (`shadow` = 0..1).
 */
function photograph(page: Gray, corners: Quad, W: number, H: number, shadow = 0.45): Gray {
  const pageCorners: Point[] = [
    { x: 0, y: 0 },
    { x: page.width, y: 0 },
    { x: page.width, y: page.height },
    { x: 0, y: page.height },
  ];
  // frame pixel centre -> page pixel
  const h = homography(corners, pageCorners);
  // fold pixel centres in: page_px = H(frame_px + 0.5) - 0.5
  const a = (x: number, y: number) => applyHomography(h, x + 0.5, y + 0.5).map((v) => v - 0.5);
  const out = new Uint8Array(W * H);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const [px, py] = a(x, y);
      // the page's edge is at pixel-centre coordinate -0.5 and size - 0.5
      const inside = px >= -0.5 && py >= -0.5 && px < page.width - 0.5 && py < page.height - 0.5;
      let v: number;
      if (inside) {
        const cx = Math.max(0, px);
        const cy = Math.max(0, py);
        const x0 = Math.floor(cx);
        const y0 = Math.floor(cy);
        const fx = cx - x0;
        const fy = cy - y0;
        const i = y0 * page.width + x0;
        const r = x0 + 1 < page.width ? 1 : 0;
        const d = y0 + 1 < page.height ? page.width : 0;
        const t = page.data[i] + (page.data[i + r] - page.data[i]) * fx;
        const b = page.data[i + d] + (page.data[i + d + r] - page.data[i + d]) * fx;
        v = t + (b - t) * fy;
      } else {
        v = 55 + ((x * 7 + y * 13) % 11); // a desk with a little texture
      }
      const light = 1 - shadow * ((x / W + y / H) / 2);
      out[y * W + x] = Math.max(0, Math.min(255, v * light));
    }
  return { data: out, width: W, height: H };
}

/** Pearson correlation of two equally sized images over a window. */
function correlation(a: Gray, b: Gray, x0: number, y0: number, x1: number, y1: number): number {
  let sa = 0;
  let sb = 0;
  let n = 0;
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      sa += a.data[y * a.width + x];
      sb += b.data[y * b.width + x];
      n++;
    }
  const ma = sa / n;
  const mb = sb / n;
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const da = a.data[y * a.width + x] - ma;
      const db = b.data[y * b.width + x] - mb;
      cov += da * db;
      va += da * da;
      vb += db * db;
    }
  return cov / Math.sqrt(va * vb);
}

/** Bilinear resize to a given size (to compare a rectified page with the original). */
function resize(img: Gray, w: number, h: number): Gray {
  const sx = img.width / w;
  const sy = img.height / h;
  const m = Float64Array.from([sx, 0, 0.5 * sx - 0.5, 0, sy, 0.5 * sy - 0.5, 0, 0, 1]);
  return warpGray(img, m, w, h);
}

const page = textPage(100);
const W = 1000;
const H = 1300;
/** the page tilted in perspective: top edge shorter (the phone held above the page's bottom) */
const tilted: Quad = [
  { x: 230, y: 140 },
  { x: 800, y: 175 },
  { x: 880, y: 1190 },
  { x: 120, y: 1150 },
];

describe('homography', () => {
  it('maps the four points and is projective in between', () => {
    const src: Point[] = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 20 },
      { x: 0, y: 20 },
    ];
    const h = homography(src, tilted);
    src.forEach((p, i) => {
      const [x, y] = applyHomography(h, p.x, p.y);
      expect(x).toBeCloseTo(tilted[i].x, 6);
      expect(y).toBeCloseTo(tilted[i].y, 6);
    });
    // a straight line stays straight
    const [ax, ay] = applyHomography(h, 0, 5);
    const [bx, by] = applyHomography(h, 5, 5);
    const [cx, cy] = applyHomography(h, 10, 5);
    expect(Math.abs((bx - ax) * (cy - ay) - (by - ay) * (cx - ax))).toBeLessThan(1e-6);
  });
});

describe('detectPage + rectifyPage on a synthetic phone photo', () => {
  const photo = photograph(page, tilted, W, H, 0.45);
  const det = detectPage(photo);

  it('finds the four corners within 2% of the side', () => {
    expect(det.found).toBe(true);
    if (!det.found) return;
    const side = Math.hypot(tilted[1].x - tilted[0].x, tilted[1].y - tilted[0].y);
    for (let i = 0; i < 4; i++) {
      const err = Math.hypot(det.quad[i].x - tilted[i].x, det.quad[i].y - tilted[i].y);
      expect(err / side).toBeLessThan(0.02);
      expect(err).toBeLessThan(1.5); // sub-pixel in fact: the edges are refined at full resolution
    }
  });

  it('recovers the page: the text region correlates with the original', () => {
    if (!det.found) throw new Error('no page');
    const rect = rectifyPage(photo, det.quad, 0);
    expect(rect.img.height / rect.img.width).toBeCloseTo(297 / 210, 2);
    const back = resize(rect.img, page.width, page.height);
    // the text block (the shadow changes brightness, not the correlation's sign or shape)
    const c = correlation(page, back, 60, 80, page.width - 60, page.height - 100);
    // rectified with the true corners: the most any detection can give (the shadow stays in both)
    const ideal = correlation(
      page,
      resize(rectifyPage(photo, tilted, 0).img, page.width, page.height),
      60,
      80,
      page.width - 60,
      page.height - 100,
    );
    expect(c).toBeGreaterThan(ideal - 0.02);
    expect(c).toBeGreaterThan(0.75);
    // and far better than the photo itself, unrectified, resized to the page
    const raw = resize(photo, page.width, page.height);
    expect(c).toBeGreaterThan(correlation(page, raw, 60, 80, page.width - 60, page.height - 100) + 0.4);
  });

  it('maps rectified pixels back to where they are in the photo', () => {
    if (!det.found) throw new Error('no page');
    const rect = rectifyPage(photo, det.quad, 0);
    const [x, y] = rect.toSource(0, 0);
    expect(Math.hypot(x - tilted[0].x, y - tilted[0].y)).toBeLessThan(12);
    const [x2, y2] = rect.toSource(rect.img.width, rect.img.height);
    expect(Math.hypot(x2 - tilted[2].x, y2 - tilted[2].y)).toBeLessThan(12);
  });

  it('preparePage rectifies, flattens the shadow and reports the page resolution', () => {
    const prep = preparePage(photo, 150);
    expect(prep.page).not.toBeNull();
    // the page is ~600-760 px wide in the photo: ~75-90 DPI
    expect(prep.dpi).toBeGreaterThan(65);
    expect(prep.dpi).toBeLessThan(100);
    // paper is white everywhere after flat-field: compare the mean of a blank strip at both ends
    const strip = (y0: number) => {
      let s = 0;
      for (let x = 5; x < 40; x++)
        for (let y = y0; y < y0 + 20; y++) s += prep.img.data[y * prep.img.width + x];
      return s / (35 * 20);
    };
    expect(strip(10)).toBeGreaterThan(230);
    expect(strip(prep.img.height - 40)).toBeGreaterThan(230);
    // a word's box in the OCR image maps back inside the page's quad in the photo
    const [sx, sy] = prep.toSource(prep.img.width / 2, prep.img.height / 2);
    expect(sx).toBeGreaterThan(400);
    expect(sx).toBeLessThan(600);
    expect(sy).toBeGreaterThan(550);
    expect(sy).toBeLessThan(750);
  });

  it('a page turned 25 degrees under a stronger shadow, and a landscape page', () => {
    const cx = 500;
    const cy = 650;
    const t = (25 * Math.PI) / 180;
    const turn = (x: number, y: number) => ({
      x: cx + (x - cx) * Math.cos(t) - (y - cy) * Math.sin(t),
      y: cy + (x - cx) * Math.sin(t) + (y - cy) * Math.cos(t),
    });
    const turned = [turn(280, 300), turn(720, 300), turn(740, 1000), turn(260, 1000)] as Quad;
    const landscape: Quad = [
      { x: 90, y: 380 },
      { x: 930, y: 350 },
      { x: 960, y: 950 },
      { x: 60, y: 930 },
    ];
    for (const [q, shadow] of [
      [turned, 0.6],
      [landscape, 0.3],
    ] as const) {
      const d = detectPage(photograph(page, q, W, H, shadow));
      expect(d.found).toBe(true);
      if (d.found)
        for (let i = 0; i < 4; i++)
          expect(Math.hypot(d.quad[i].x - q[i].x, d.quad[i].y - q[i].y)).toBeLessThan(3);
    }
    const d = detectPage(photograph(page, landscape, W, H, 0.3));
    if (d.found) {
      const r = rectifyPage(photograph(page, landscape, W, H, 0.3), d.quad);
      expect(r.img.width).toBeGreaterThan(r.img.height);
    }
  });
});

describe('left alone', () => {
  it('a scan filling the frame', () => {
    const d = detectPage(rotate(page, 1));
    expect(d.found).toBe(false);
    const prep = preparePage(page, 100);
    expect(prep.page).toBeNull();
    expect(prep.img.width).toBe(page.width);
  });
  it('a page on a light desk (no clear edge)', () => {
    const light = photograph(page, tilted, W, H, 0);
    for (let i = 0; i < light.data.length; i++) light.data[i] = Math.max(light.data[i], 225 + (i % 7));
    expect(detectPage(light).found).toBe(false);
  });
  it('a page cut by the frame', () => {
    const cut: Quad = [
      { x: -150, y: 100 },
      { x: 800, y: 120 },
      { x: 850, y: 1200 },
      { x: -120, y: 1180 },
    ];
    expect(detectPage(photograph(page, cut, W, H, 0.3)).found).toBe(false);
  });
  it('a blank dark frame and a tiny image', () => {
    expect(detectPage({ data: new Uint8Array(500 * 600).fill(40), width: 500, height: 600 }).found).toBe(
      false,
    );
    expect(detectPage({ data: new Uint8Array(20 * 20).fill(200), width: 20, height: 20 }).found).toBe(false);
  });
});
