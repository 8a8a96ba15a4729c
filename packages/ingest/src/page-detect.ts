// Phone photos: find the sheet of paper in the frame (the largest bright quadrilateral on a darker
// background), and map it onto an upright A4 rectangle. Raw 8-bit grayscale arrays as in image.ts;
// no image library. A scan that fills the frame, or a photo whose page edge is not clear, is left
// alone (detectPage returns null and says why).
import { boxBlur, type Gray, preprocess, shrinkMean, type ToSource } from './image.ts';

export type Point = { x: number; y: number };
/** Corners in order: top-left, top-right, bottom-right, bottom-left (pixels of the image given). */
export type Quad = [Point, Point, Point, Point];

/** A 3×3 projective transform, row-major, h[8] = 1. */
export type Homography = Float64Array;

/** A4 portrait: height / width. */
export const A4_RATIO = 297 / 210;

/** Solves a square linear system by Gaussian elimination with partial pivoting (in place). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    if (Math.abs(a[p][c]) < 1e-12) throw new Error('singular system: degenerate corners');
    [a[c], a[p]] = [a[p], a[c]];
    [b[c], b[p]] = [b[p], b[c]];
    for (let r = c + 1; r < n; r++) {
      const f = a[r][c] / a[c][c];
      if (f === 0) continue;
      for (let k = c; k < n; k++) a[r][k] -= f * a[c][k];
      b[r] -= f * b[c];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r];
    for (let k = r + 1; k < n; k++) s -= a[r][k] * x[k];
    x[r] = s / a[r][r];
  }
  return x;
}

/** The homography taking each `src[i]` to `dst[i]` (four point pairs, no three collinear). */
export function homography(src: readonly Point[], dst: readonly Point[]): Homography {
  const a: number[][] = [];
  const b: number[] = [];
  for (let i = 0; i < 4; i++) {
    const { x, y } = src[i];
    const { x: u, y: v } = dst[i];
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y]);
    b.push(u);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y]);
    b.push(v);
  }
  return Float64Array.from([...solve(a, b), 1]);
}

export function applyHomography(h: Homography, x: number, y: number): [number, number] {
  const d = h[6] * x + h[7] * y + h[8];
  return [(h[0] * x + h[1] * y + h[2]) / d, (h[3] * x + h[4] * y + h[5]) / d];
}

/**
 * Resamples `img` into a `width`×`height` image: output pixel centre (x, y) is read at
 * `outToSrc(x, y)` in source pixel coordinates (bilinear); outside the source it is `fill`.
 */
export function warpGray(img: Gray, outToSrc: Homography, width: number, height: number, fill = 255): Gray {
  const { data, width: w, height: h } = img;
  const out = new Uint8Array(width * height);
  const m = outToSrc;
  for (let y = 0; y < height; y++) {
    // numerators and denominator are linear in x along a row
    let nx = m[1] * y + m[2];
    let ny = m[4] * y + m[5];
    let d = m[7] * y + m[8];
    for (let x = 0; x < width; x++, nx += m[0], ny += m[3], d += m[6]) {
      const sx = nx / d;
      const sy = ny / d;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 >= w - 1 || y0 >= h - 1) {
        out[y * width + x] = fill;
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * w + x0;
      const top = data[i] + (data[i + 1] - data[i]) * fx;
      const bot = data[i + w] + (data[i + w + 1] - data[i + w]) * fx;
      out[y * width + x] = top + (bot - top) * fy + 0.5;
    }
  }
  return { data: out, width, height };
}

export type PageDetection =
  | { found: true; quad: Quad /** page brightness minus background, 0..255 */; contrast: number }
  | { found: false; reason: string };

type Line = { nx: number; ny: number; c: number }; // nx*x + ny*y = c, |n| = 1

/** Total-least-squares line through points, refitted once without the worst outliers. */
function fitLine(pts: Point[]): { line: Line; rms: number } | null {
  let use = pts;
  let out: { line: Line; rms: number } | null = null;
  for (let pass = 0; pass < 2; pass++) {
    if (use.length < 5) return out;
    let mx = 0;
    let my = 0;
    for (const p of use) {
      mx += p.x;
      my += p.y;
    }
    mx /= use.length;
    my /= use.length;
    let sxx = 0;
    let sxy = 0;
    let syy = 0;
    for (const p of use) {
      const dx = p.x - mx;
      const dy = p.y - my;
      sxx += dx * dx;
      sxy += dx * dy;
      syy += dy * dy;
    }
    // the normal is the eigenvector of the smaller eigenvalue of the scatter matrix
    const theta = 0.5 * Math.atan2(2 * sxy, sxx - syy); // direction of the line
    const nx = -Math.sin(theta);
    const ny = Math.cos(theta);
    const line = { nx, ny, c: nx * mx + ny * my };
    const res = use.map((p) => Math.abs(nx * p.x + ny * p.y - line.c));
    const rms = Math.sqrt(res.reduce((s, r) => s + r * r, 0) / res.length);
    out = { line, rms };
    const cut = Math.max(1.5, 2.5 * rms);
    use = use.filter((_, i) => res[i] <= cut);
  }
  return out;
}

/**
 * A line through most of the points, ignoring a minority that lies off it (a corner cut by a
 * shadow, a dent): the best of a fixed set of two-point candidates by inliers within `tol`, refitted
 * on its inliers. Null when no line holds at least half of the points.
 */
function robustLine(pts: Point[], tol: number): { line: Line; rms: number; share: number } | null {
  const n = pts.length;
  if (n < 6) return null;
  let best: Point[] = [];
  const qs = [0, 0.08, 0.16, 0.25, 0.33, 0.42];
  for (const qa of qs)
    for (const qb of qs) {
      const a = pts[Math.floor(qa * (n - 1))];
      const b = pts[Math.floor((1 - qb) * (n - 1))];
      const len = Math.hypot(b.x - a.x, b.y - a.y);
      if (len < 1e-6) continue;
      const nx = -(b.y - a.y) / len;
      const ny = (b.x - a.x) / len;
      const c = nx * a.x + ny * a.y;
      const inl = pts.filter((p) => Math.abs(nx * p.x + ny * p.y - c) <= tol);
      if (inl.length > best.length) best = inl;
    }
  if (best.length < n / 2) return null;
  const fit = fitLine(best);
  return fit ? { ...fit, share: best.length / n } : null;
}

function intersect(a: Line, b: Line): Point | null {
  const det = a.nx * b.ny - a.ny * b.nx;
  if (Math.abs(det) < 1e-9) return null;
  return { x: (a.c * b.ny - a.ny * b.c) / det, y: (a.nx * b.c - a.c * b.nx) / det };
}

function quadArea(q: readonly Point[]): number {
  let s = 0;
  for (let i = 0; i < q.length; i++) {
    const a = q[i];
    const b = q[(i + 1) % q.length];
    s += a.x * b.y - b.x * a.y;
  }
  return s / 2;
}

function isConvex(q: readonly Point[]): boolean {
  let sign = 0;
  for (let i = 0; i < 4; i++) {
    const a = q[i];
    const b = q[(i + 1) % 4];
    const c = q[(i + 2) % 4];
    const cr = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x);
    const s = Math.sign(cr);
    if (s === 0) return false;
    if (sign === 0) sign = s;
    else if (s !== sign) return false;
  }
  return true;
}

const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/** Convex hull (Andrew's monotone chain), clockwise on screen (y down), no repeated end point. */
function convexHull(pts: Point[]): Point[] {
  const p = [...pts].sort((a, b) => a.x - b.x || a.y - b.y);
  if (p.length < 3) return p;
  const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const lower: Point[] = [];
  for (const q of p) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], q) <= 0) lower.pop();
    lower.push(q);
  }
  const upper: Point[] = [];
  for (let i = p.length - 1; i >= 0; i--) {
    const q = p[i];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], q) <= 0) upper.pop();
    upper.push(q);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/** Where the line `key` = v crosses a convex polygon: [min, max] of the other coordinate. */
function hullSpan(poly: Point[], key: 'x' | 'y', v: number): [number, number] | null {
  const other = key === 'x' ? 'y' : 'x';
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i];
    const b = poly[(i + 1) % poly.length];
    if ((a[key] - v) * (b[key] - v) > 0 || a[key] === b[key]) continue;
    const t = (v - a[key]) / (b[key] - a[key]);
    const u = a[other] + t * (b[other] - a[other]);
    lo = Math.min(lo, u);
    hi = Math.max(hi, u);
  }
  return lo <= hi ? [lo, hi] : null;
}

/** A pixel counts as paper at this share of the brightest pixel around it. */
const PAPER_RATIO = 0.55;

/** Maximum over a (2r+1)² window (separable, edges clamped). */
function maxFilter(img: Gray, r: number): Gray {
  const { width: w, height: h, data } = img;
  const tmp = new Uint8Array(w * h);
  const out = new Uint8Array(w * h);
  const pass = (get: (i: number) => number, set: (i: number, v: number) => void, len: number) => {
    // van Herk / Gil-Werman would be O(1) per pixel; a monotonic deque is simple and O(1) amortised
    const q = new Int32Array(len);
    let head = 0;
    let tail = 0;
    let next = 0;
    for (let i = 0; i < len; i++) {
      while (next < len && next <= i + r) {
        const v = get(next);
        while (tail > head && get(q[tail - 1]) <= v) tail--;
        q[tail++] = next++;
      }
      while (q[head] < i - r) head++;
      set(i, get(q[head]));
    }
  };
  for (let y = 0; y < h; y++)
    pass(
      (i) => data[y * w + i],
      (i, v) => {
        tmp[y * w + i] = v;
      },
      w,
    );
  for (let x = 0; x < w; x++)
    pass(
      (i) => tmp[i * w + x],
      (i, v) => {
        out[i * w + x] = v;
      },
      h,
    );
  return { data: out, width: w, height: h };
}

/** Working size of the long side for detection: the page edge is smooth, text is not needed. */
const DETECT_SIZE = 420;

/**
 * Finds the sheet of paper in a photo. Works on a small, blurred copy: Otsu's threshold splits
 * paper from desk, the largest bright component (holes filled: text, a dark shadow spot) is the
 * page candidate, each of its four sides is fitted by a straight line through its outline
 * points, and the corners are the lines' intersections. Accepted only when it is clearly a page:
 * a convex quadrilateral that the component fills, straight sides, far brighter than what is
 * around it, not cut by the frame, and not the whole frame (a scan).
 */
export function detectPage(img: Gray): PageDetection {
  const f = Math.max(1, Math.round(Math.max(img.width, img.height) / DETECT_SIZE));
  const small = boxBlur(shrinkMean(img, f), 1);
  const { width: w, height: h, data } = small;
  const n = w * h;
  if (w < 40 || h < 40) return { found: false, reason: 'image too small' };
  // "Paper" is judged against the brightest thing nearby, not a global threshold: a shadow
  // darkens paper and desk alike, so their ratio stays (paper 1, a dark desk well under a half),
  // while a global threshold would cut a shadowed part of the page away.
  const near = maxFilter(small, Math.max(4, Math.round(Math.max(w, h) / 8)));
  const bright = new Uint8Array(n);
  for (let p = 0; p < n; p++) bright[p] = data[p] > 24 && data[p] >= PAPER_RATIO * near.data[p] ? 1 : 0;
  // the 4-connected bright component with the most light (area x brightness)
  const label = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  let best = -1;
  let bestLight = 0;
  let comp = 0;
  for (let s = 0; s < n; s++) {
    if (label[s] !== -1 || !bright[s]) continue;
    let top = 0;
    stack[top++] = s;
    label[s] = comp;
    let light = 0;
    while (top) {
      const p = stack[--top];
      light += data[p];
      const x = p % w;
      const y = (p - x) / w;
      if (x > 0 && label[p - 1] === -1 && bright[p - 1]) {
        label[p - 1] = comp;
        stack[top++] = p - 1;
      }
      if (x < w - 1 && label[p + 1] === -1 && bright[p + 1]) {
        label[p + 1] = comp;
        stack[top++] = p + 1;
      }
      if (y > 0 && label[p - w] === -1 && bright[p - w]) {
        label[p - w] = comp;
        stack[top++] = p - w;
      }
      if (y < h - 1 && label[p + w] === -1 && bright[p + w]) {
        label[p + w] = comp;
        stack[top++] = p + w;
      }
    }
    if (light > bestLight) {
      bestLight = light;
      best = comp;
    }
    comp++;
  }
  if (best < 0) return { found: false, reason: 'no bright region' };
  // fill holes: what the outside cannot reach without crossing the page is page
  const mask = new Uint8Array(n); // 1 = page (filled)
  const outside = new Uint8Array(n);
  let top = 0;
  const pushOut = (p: number) => {
    if (!outside[p] && label[p] !== best) {
      outside[p] = 1;
      stack[top++] = p;
    }
  };
  for (let x = 0; x < w; x++) {
    pushOut(x);
    pushOut((h - 1) * w + x);
  }
  for (let y = 0; y < h; y++) {
    pushOut(y * w);
    pushOut(y * w + w - 1);
  }
  while (top) {
    const p = stack[--top];
    const x = p % w;
    if (x > 0) pushOut(p - 1);
    if (x < w - 1) pushOut(p + 1);
    if (p >= w) pushOut(p - w);
    if (p < n - w) pushOut(p + w);
  }
  let area = 0;
  let sumIn = 0;
  let sumOut = 0;
  for (let p = 0; p < n; p++) {
    if (!outside[p]) {
      mask[p] = 1;
      area++;
      sumIn += data[p];
    } else sumOut += data[p];
  }
  const frac = area / n;
  if (frac > 0.97) return { found: false, reason: 'the page fills the frame (a scan)' };
  if (frac < 0.15)
    return { found: false, reason: `largest bright region is only ${(100 * frac).toFixed(0)}%` };
  const contrast = sumIn / area - sumOut / (n - area);
  if (contrast < 45)
    return { found: false, reason: `page hardly brighter than its surroundings (${contrast.toFixed(0)})` };

  // The outline is taken from the region's convex hull: a shadow that reaches the page's edge
  // (a hand, the phone) bites a dent into the bright region, but not into its hull.
  const cornersOf: Point[] = [];
  for (let y = 0; y < h; y++) {
    let a = -1;
    let b = -1;
    for (let x = 0; x < w; x++)
      if (mask[y * w + x]) {
        if (a < 0) a = x;
        b = x;
      }
    if (a >= 0) cornersOf.push({ x: a, y }, { x: a, y: y + 1 }, { x: b + 1, y }, { x: b + 1, y: y + 1 });
  }
  const hull = convexHull(cornersOf);
  const hullArea = Math.abs(quadArea(hull));
  if (area / hullArea < 0.65)
    return { found: false, reason: `the bright region is far from convex (${(area / hullArea).toFixed(2)})` };
  const rowL: Point[] = [];
  const rowR: Point[] = [];
  const colT: Point[] = [];
  const colB: Point[] = [];
  for (let y = 0; y < h; y++) {
    const span = hullSpan(hull, 'y', y + 0.5);
    if (!span) continue;
    rowL.push({ x: span[0], y: y + 0.5 });
    rowR.push({ x: span[1], y: y + 0.5 });
  }
  for (let x = 0; x < w; x++) {
    const span = hullSpan(hull, 'x', x + 0.5);
    if (!span) continue;
    colT.push({ x: x + 0.5, y: span[0] });
    colB.push({ x: x + 0.5, y: span[1] });
  }
  // rough corners: extremes along the diagonals
  const all = [...rowL, ...rowR];
  const ext = (score: (p: Point) => number) => all.reduce((m, p) => (score(p) > score(m) ? p : m), all[0]);
  const tl = ext((p) => -p.x - p.y);
  const tr = ext((p) => p.x - p.y);
  const br = ext((p) => p.x + p.y);
  const bl = ext((p) => -p.x + p.y);
  // each side's outline points between its two rough corners, away from the corners
  const between = (pts: Point[], key: 'x' | 'y', a: number, b: number) => {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const m = (hi - lo) * 0.12;
    return pts.filter((p) => p[key] > lo + m && p[key] < hi - m);
  };
  const sides = [
    between(colT, 'x', tl.x, tr.x),
    between(rowR, 'y', tr.y, br.y),
    between(colB, 'x', bl.x, br.x),
    between(rowL, 'y', tl.y, bl.y),
  ];
  // a side lying on the frame's border is the frame, not the page's edge
  const onBorder = (p: Point) => p.x <= 0 || p.y <= 0 || p.x >= w || p.y >= h;
  for (const s of sides)
    if (s.length && s.filter(onBorder).length > 0.2 * s.length)
      return { found: false, reason: 'the page runs out of the frame' };
  const fits = sides.map((pts) => robustLine(pts, 1.5));
  if (fits.some((x) => !x)) return { found: false, reason: 'the page outline is not straight' };
  const lines = fits.map((x) => x!.line);
  if (fits.some((x) => x!.rms > 1.5)) return { found: false, reason: 'the page outline is not straight' };
  const corners: Point[] = [];
  for (let i = 0; i < 4; i++) {
    const p = intersect(lines[(i + 3) % 4], lines[i]);
    if (!p) return { found: false, reason: 'parallel sides' };
    corners.push(p);
  }
  if (!isConvex(corners)) return { found: false, reason: 'the outline is not a convex quadrilateral' };
  const qa = Math.abs(quadArea(corners));
  if (qa > 0.95 * n) return { found: false, reason: 'the page fills the frame (a scan)' };
  const fill = hullArea / qa;
  if (fill < 0.85 || fill > 1.06)
    return { found: false, reason: `the bright region is no quadrilateral (fill ${fill.toFixed(2)})` };
  const tol = 0.02 * Math.max(w, h);
  if (corners.some((p) => p.x < -tol || p.y < -tol || p.x > w + tol || p.y > h + tol))
    return { found: false, reason: 'a corner lies outside the frame' };
  // opposite sides of a photographed page differ by perspective, but not wildly
  const side = (i: number) => dist(corners[i], corners[(i + 1) % 4]);
  if (
    Math.min(side(0), side(2)) < 0.6 * Math.max(side(0), side(2)) ||
    Math.min(side(1), side(3)) < 0.6 * Math.max(side(1), side(3))
  )
    return { found: false, reason: 'implausible perspective' };
  // back to the full image: small pixel (x) covers full pixels [x·f, (x+1)·f)
  let quad = corners.map((p) => ({ x: p.x * f, y: p.y * f })) as Quad;
  if (f > 1) quad = refineQuad(img, quad, f) ?? quad;
  return { found: true, quad, contrast };
}

/**
 * Sharpens the corners at full resolution: along each side, the edge is where the brightness
 * changes fastest across it (searched ±2 working pixels, with a sub-pixel peak); a line through
 * those points replaces the coarse one. A shadow that moves the threshold does not move that.
 */
function refineQuad(img: Gray, quad: Quad, f: number): Quad | null {
  const { data, width: w, height: h } = img;
  const at = (x: number, y: number) => {
    const x0 = Math.floor(x);
    const y0 = Math.floor(y);
    if (x0 < 0 || y0 < 0 || x0 >= w - 1 || y0 >= h - 1) return Number.NaN;
    const fx = x - x0;
    const fy = y - y0;
    const i = y0 * w + x0;
    const t = data[i] + (data[i + 1] - data[i]) * fx;
    const b = data[i + w] + (data[i + w + 1] - data[i + w]) * fx;
    return t + (b - t) * fy;
  };
  const reach = 2 * f + 2;
  const lines: Line[] = [];
  for (let s = 0; s < 4; s++) {
    const a = quad[s];
    const b = quad[(s + 1) % 4];
    const len = dist(a, b);
    const tx = (b.x - a.x) / len;
    const ty = (b.y - a.y) / len;
    // corners run clockwise on screen, so (ty, −tx) points out of the page
    const ox = ty;
    const oy = -tx;
    const pts: Point[] = [];
    const samples = 60;
    for (let k = 0; k < samples; k++) {
      const t = 0.1 + (0.8 * k) / (samples - 1);
      const cx = a.x + (b.x - a.x) * t - 0.5;
      const cy = a.y + (b.y - a.y) * t - 0.5;
      // profile across the edge, averaged over a few pixels along it (text near the edge is rare)
      const prof: number[] = [];
      for (let d = -reach; d <= reach; d++) {
        let v = 0;
        for (let e = -2; e <= 2; e++) v += at(cx + ox * d + tx * e, cy + oy * d + ty * e);
        prof.push(v / 5);
      }
      if (prof.some((v) => Number.isNaN(v))) continue;
      // strongest drop going outwards (paper -> desk)
      let bi = -1;
      let bg = 0;
      for (let i = 1; i < prof.length - 1; i++) {
        const g = prof[i - 1] - prof[i + 1];
        if (g > bg) {
          bg = g;
          bi = i;
        }
      }
      if (bi < 2 || bi > prof.length - 3 || bg < 20) continue;
      const g0 = prof[bi - 2] - prof[bi];
      const g1 = bg;
      const g2 = prof[bi] - prof[bi + 2];
      const den = g0 - 2 * g1 + g2;
      const sub = den < 0 ? (0.5 * (g0 - g2)) / den : 0;
      const d = bi - reach + Math.max(-0.5, Math.min(0.5, sub));
      // `at` samples pixel centres at integer coordinates; the quad is continuous (pixel i spans [i, i+1])
      pts.push({ x: cx + ox * d + 0.5, y: cy + oy * d + 0.5 });
    }
    if (pts.length < samples / 3) return null;
    const fit = robustLine(pts, Math.max(1, 0.5 * f));
    if (!fit || fit.rms > f) return null;
    lines.push(fit.line);
  }
  const out: Point[] = [];
  for (let i = 0; i < 4; i++) {
    const p = intersect(lines[(i + 3) % 4], lines[i]);
    if (!p || dist(p, quad[i]) > 3 * f) return null;
    out.push(p);
  }
  return out as Quad;
}

/** A rectified page and the way back from its pixels to the photo's. */
export type Rectified = {
  img: Gray;
  /** output pixel -> source pixel */
  toSource: (x: number, y: number) => [number, number];
};

/**
 * Maps the quadrilateral onto an upright A4 rectangle (portrait when the quad is taller than wide)
 * by the homography of its corners, bilinear resampling. The output keeps the photo's resolution
 * (its width is the longer of the quad's top and bottom sides: nothing is upsampled). `inset` crops
 * that share of each side, so a sliver of desk at a slightly misplaced edge does not become a
 * black border that OCR reads as `|`.
 */
export const RECTIFY_INSET = 0.008;

export function rectifyPage(img: Gray, quad: Quad, inset = RECTIFY_INSET, minDpi = 0): Rectified {
  const [tl, tr, br, bl] = quad;
  const across = Math.max(dist(tl, tr), dist(bl, br));
  const down = Math.max(dist(tl, bl), dist(tr, br));
  const portrait = down >= across;
  let W: number;
  let H: number;
  if (portrait) {
    W = Math.round(Math.max(across, down / A4_RATIO));
    H = Math.round(W * A4_RATIO);
  } else {
    H = Math.round(Math.max(down, across / A4_RATIO));
    W = Math.round(H * A4_RATIO);
  }
  // an optional floor on the page's resolution (upsampling)
  const minW = (minDpi * 210) / 25.4;
  if (minDpi > 0 && Math.min(W, H) < minW) {
    const k = minW / Math.min(W, H);
    W = Math.round(W * k);
    H = Math.round(H * k);
  }
  // pixel-centre convention: the page spans [0, W] x [0, H] in continuous coordinates
  const m = inset;
  // the page's corners in output coordinates (the output starts `inset` inside the page)
  const rect: Point[] = [
    { x: -m * W, y: -m * H },
    { x: W - m * W, y: -m * H },
    { x: W - m * W, y: H - m * H },
    { x: -m * W, y: H - m * H },
  ];
  const outW = Math.max(1, Math.round(W * (1 - 2 * m)));
  const outH = Math.max(1, Math.round(H * (1 - 2 * m)));
  // continuous output coords (x+0.5) -> continuous source coords; sampling at source pixel centres (−0.5)
  const Hc = homography(rect, quad);
  const shift = Float64Array.from(Hc);
  // fold the +0.5 of the output and −0.5 of the source into the matrix: src = Hc(out + 0.5) − 0.5
  // row-major: [a b c; d e f; g h 1]
  const [a, b, c, d, e, f2, g, hh, k] = Hc;
  const c2 = c + 0.5 * a + 0.5 * b;
  const f3 = f2 + 0.5 * d + 0.5 * e;
  const k2 = k + 0.5 * g + 0.5 * hh;
  shift[2] = c2 - 0.5 * k2;
  shift[5] = f3 - 0.5 * k2;
  shift[0] = a - 0.5 * g;
  shift[1] = b - 0.5 * hh;
  shift[3] = d - 0.5 * g;
  shift[4] = e - 0.5 * hh;
  shift[8] = k2;
  const out = warpGray(img, shift, outW, outH);
  return { img: out, toSource: (x, y) => applyHomography(shift, x, y) };
}

/** Off switch for the photo step (`OCR_PAGE_DETECT=0`), for before/after measurements. */
export const PAGE_DETECT = process.env.OCR_PAGE_DETECT !== '0';

export type Prepared = {
  img: Gray;
  skew: number;
  /** pixel of `img` -> pixel of the image given */
  toSource: ToSource;
  /** the page found in a photo (pixels of the image given), when it was rectified */
  page: Quad | null;
  /** resolution of `img` */
  dpi: number;
};

/**
 * Preprocessing of an image page for OCR: a photographed page is first found, cut out and
 * rectified to A4 (then its resolution is what the photo gives the page, usually lower than the
 * rendering's); everything then goes through `preprocess` (flat-field against the shadows,
 * contrast, deskew, ruled lines).
 */
export function preparePage(gray: Gray, dpi: number, opts: { detect?: boolean } = {}): Prepared {
  const det = (opts.detect ?? PAGE_DETECT) ? detectPage(gray) : null;
  if (!det?.found) {
    const pre = preprocess(gray, dpi);
    return { ...pre, page: null, dpi };
  }
  // at the photo's own resolution: upsampling the page to 150 DPI helped tesseract.js alone on the
  // handwriting corpus (numbers in the right part 18 -> 28 %) but cost the pooled engines (numbers
  // read 88 -> 75 %) and doubled the time
  const rect = rectifyPage(gray, det.quad);
  const portrait = rect.img.height >= rect.img.width;
  // the rectified page is A4: its resolution follows from its width in pixels
  const pageDpi = (portrait ? rect.img.width : rect.img.height) / (1 - 2 * RECTIFY_INSET) / (210 / 25.4);
  // The photo's page is usually at a lower resolution than the rendering (~110-140 DPI), but its
  // cleaning keeps the rendering's scale: a wider flat-field window (what is left after
  // rectification is shadow, smooth; a narrow window follows dense ink) and the line remover's
  // thicker rule (rules and underlines are blurred by the camera). Measured on the handwriting
  // corpus with the pooled engines: answered parts found 16 -> 19 of 41, numbers in the right
  // part 103 -> 126 of 276, against the page's own DPI; the sample photo p06 keeps 1a and 1b.i.
  const pre = preprocess(rect.img, Math.max(pageDpi, dpi));
  return {
    img: pre.img,
    skew: pre.skew,
    toSource: (x, y) => {
      const [a, b] = pre.toSource(x, y);
      return rect.toSource(a, b);
    },
    page: det.quad,
    dpi: pageDpi,
  };
}
