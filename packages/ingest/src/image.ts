// Image operations for scans, on raw 8-bit grayscale pixel arrays (row-major, 0 = black).
// Written by hand so that preprocessing needs no native image library; each is O(pixels).

export type Gray = { data: Uint8Array; width: number; height: number };

/** RGBA (canvas ImageData order) to luma, ITU-R 601 weights in integer arithmetic. */
export function toGray(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Gray {
  const n = width * height;
  const out = new Uint8Array(n);
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    out[i] = (rgba[j] * 77 + rgba[j + 1] * 150 + rgba[j + 2] * 29) >> 8;
  }
  return { data: out, width, height };
}

/**
 * RGBA to gray by the brightest channel: black ink stays dark, while coloured paper furniture
 * (blue ruled lines, a red margin rule) turns light and stops confusing OCR.
 */
export function toGrayMax(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Gray {
  const n = width * height;
  const out = new Uint8Array(n);
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    const r = rgba[j];
    const g = rgba[j + 1];
    const b = rgba[j + 2];
    out[i] = r > g ? Math.max(r, b) : Math.max(g, b);
  }
  return { data: out, width, height };
}

/**
 * Erases thin straight lines: ruled paper, a margin rule, and the underlines students draw under
 * their labels (OCR reads "1(A)" with a line under it as "YAY"). A run of dark pixels at least
 * `minRun` long along a row (or column) loses the pixels whose dark extent across the run is at
 * most `maxThick`, so strokes of letters that touch the line are kept. `thr` is "not paper".
 */
export function removeLines(
  img: Gray,
  opts: { minRunX: number; minRunY: number; maxThick: number; thr?: number },
): Gray {
  const { width: w, height: h } = img;
  const src = img.data;
  const out = new Uint8Array(src);
  const thr = opts.thr ?? 225;
  const t = opts.maxThick;
  const dark = (i: number) => src[i] < thr;
  // rows
  for (let y = 0; y < h; y++) {
    const row = y * w;
    let x = 0;
    while (x < w) {
      if (!dark(row + x)) {
        x++;
        continue;
      }
      let end = x;
      let gap = 0; // tolerate small gaps in a faint line
      while (end < w && gap <= 2) {
        gap = dark(row + end) ? 0 : gap + 1;
        end++;
      }
      end -= gap;
      if (end - x >= opts.minRunX) {
        for (let k = x; k < end; k++) {
          let up = 0;
          while (up <= t && y - up - 1 >= 0 && dark((y - up - 1) * w + k)) up++;
          let down = 0;
          while (down <= t && y + down + 1 < h && dark((y + down + 1) * w + k)) down++;
          if (up + down + 1 <= t) out[row + k] = 255;
        }
      }
      x = end + 1;
    }
  }
  // columns (a margin rule)
  for (let x = 0; x < w; x++) {
    let y = 0;
    while (y < h) {
      if (!dark(y * w + x)) {
        y++;
        continue;
      }
      let end = y;
      let gap = 0;
      while (end < h && gap <= 2) {
        gap = dark(end * w + x) ? 0 : gap + 1;
        end++;
      }
      end -= gap;
      if (end - y >= opts.minRunY) {
        for (let k = y; k < end; k++) {
          const row = k * w;
          let left = 0;
          while (left <= t && x - left - 1 >= 0 && dark(row + x - left - 1)) left++;
          let right = 0;
          while (right <= t && x + right + 1 < w && dark(row + x + right + 1)) right++;
          if (left + right + 1 <= t) out[row + x] = 255;
        }
      }
      y = end + 1;
    }
  }
  return { data: out, width: w, height: h };
}

/** Mean over a (2r+1)² window, edges clamped, through a summed-area table. */
export function boxBlur(img: Gray, r: number): Gray {
  const { data, width: w, height: h } = img;
  const W = w + 1;
  const sat = new Float64Array(W * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      row += data[y * w + x];
      sat[(y + 1) * W + x + 1] = sat[y * W + x + 1] + row;
    }
  }
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - r);
    const y1 = Math.min(h, y + r + 1);
    for (let x = 0; x < w; x++) {
      const x0 = Math.max(0, x - r);
      const x1 = Math.min(w, x + r + 1);
      const s = sat[y1 * W + x1] - sat[y0 * W + x1] - sat[y1 * W + x0] + sat[y0 * W + x0];
      out[y * w + x] = s / ((y1 - y0) * (x1 - x0));
    }
  }
  return { data: out, width: w, height: h };
}

/** Block mean downscale by an integer factor (for smooth estimates such as the background). */
export function shrinkMean(img: Gray, f: number): Gray {
  const w = Math.max(1, Math.floor(img.width / f));
  const h = Math.max(1, Math.floor(img.height / f));
  const out = new Uint8Array(w * h);
  const area = f * f;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let sum = 0;
      for (let dy = 0; dy < f; dy++) {
        const row = (y * f + dy) * img.width + x * f;
        for (let dx = 0; dx < f; dx++) sum += img.data[row + dx];
      }
      out[y * w + x] = sum / area;
    }
  }
  return { data: out, width: w, height: h };
}

/**
 * Flat-field correction: divide by a heavily blurred copy (the paper's uneven lighting and
 * shadows), so the background becomes uniformly white and ink keeps its contrast. The background
 * is smooth, so it is estimated on a 4x smaller copy and read back bilinearly.
 */
export function flatField(img: Gray, radius: number): Gray {
  const f = 4;
  const small = shrinkMean(img, f);
  const r = Math.max(1, Math.round(radius / f));
  // Two box passes approximate a Gaussian; the background estimate must not follow the ink.
  const bg = boxBlur(boxBlur(small, r), r);
  const { width: w, height: h } = img;
  const sw = bg.width;
  const sh = bg.height;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const sy = Math.min(sh - 1, Math.max(0, (y + 0.5) / f - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(sh - 1, y0 + 1);
    const fy = sy - y0;
    for (let x = 0; x < w; x++) {
      const sx = Math.min(sw - 1, Math.max(0, (x + 0.5) / f - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(sw - 1, x0 + 1);
      const fx = sx - x0;
      const top = bg.data[y0 * sw + x0] * (1 - fx) + bg.data[y0 * sw + x1] * fx;
      const bot = bg.data[y1 * sw + x0] * (1 - fx) + bg.data[y1 * sw + x1] * fx;
      const b = top * (1 - fy) + bot * fy || 1;
      const v = (img.data[y * w + x] * 255) / b;
      out[y * w + x] = Math.min(v, 255);
    }
  }
  return { data: out, width: w, height: h };
}

/** Stretches contrast so that the `lo`/`hi` quantiles map to 0/255. */
export function normalise(img: Gray, lo = 0.005, hi = 0.6): Gray {
  const hist = new Uint32Array(256);
  const n = img.data.length;
  for (let i = 0; i < n; i++) hist[img.data[i]]++;
  const quantile = (q: number) => {
    let acc = 0;
    for (let v = 0; v < 256; v++) {
      acc += hist[v];
      if (acc >= q * n) return v;
    }
    return 255;
  };
  // Pages are mostly background: a high quantile is the paper, whatever the ink coverage.
  const b = quantile(hi);
  // On a nearly blank page the low quantile is paper grain: never stretch more than 2x, or the
  // grain turns into speckles that OCR reads as text.
  const a = Math.min(quantile(lo), Math.max(0, b - 128));
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++)
    lut[v] = Math.max(0, Math.min(255, Math.round(((v - a) * 255) / Math.max(1, b - a))));
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = lut[img.data[i]];
  return { data: out, width: img.width, height: img.height };
}

/** Nearest-neighbour downscale by an integer factor (for fast analysis, not for OCR). */
export function downscale(img: Gray, factor: number): Gray {
  const f = Math.max(1, Math.floor(factor));
  const w = Math.max(1, Math.floor(img.width / f));
  const h = Math.max(1, Math.floor(img.height / f));
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // minimum of the block keeps thin strokes visible after reduction
      let m = 255;
      for (let dy = 0; dy < f; dy++) {
        const row = (y * f + dy) * img.width + x * f;
        for (let dx = 0; dx < f; dx++) if (img.data[row + dx] < m) m = img.data[row + dx];
      }
      out[y * w + x] = m;
    }
  }
  return { data: out, width: w, height: h };
}

/** Otsu's threshold of the histogram. */
export function otsu(img: Gray): number {
  const hist = new Float64Array(256);
  for (const v of img.data) hist[v]++;
  const n = img.data.length;
  let sum = 0;
  for (let v = 0; v < 256; v++) sum += v * hist[v];
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let thr = 128;
  for (let t = 0; t < 256; t++) {
    wB += hist[t];
    if (!wB) continue;
    const wF = n - wB;
    if (!wF) break;
    sumB += t * hist[t];
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) ** 2;
    if (between > best) {
      best = between;
      thr = t;
    }
  }
  return thr;
}

/**
 * Skew angle in degrees (positive = text lines rise to the right... measured clockwise) by the
 * projection-profile method: the rotation whose row sums of ink are most peaked.
 */
export function estimateSkew(img: Gray, maxDeg = 6, stepDeg = 0.2): number {
  const f = Math.max(1, Math.round(img.width / 600));
  const small = downscale(img, f);
  const thr = otsu(small);
  const { width: w, height: h, data } = small;
  const xs: number[] = [];
  const ys: number[] = [];
  // ignore a margin: page borders and punched holes are not text lines
  const mx = Math.floor(w * 0.05);
  const my = Math.floor(h * 0.03);
  for (let y = my; y < h - my; y++) {
    for (let x = mx; x < w - mx; x++) {
      if (data[y * w + x] < thr) {
        xs.push(x - w / 2);
        ys.push(y - h / 2);
      }
    }
  }
  if (xs.length < 50) return 0;
  const score = (deg: number) => {
    const t = (deg * Math.PI) / 180;
    const s = Math.sin(t);
    const c = Math.cos(t);
    const bins = new Float64Array(h * 2 + 4);
    for (let i = 0; i < xs.length; i++) {
      const yy = Math.round(ys[i] * c - xs[i] * s + h);
      if (yy >= 0 && yy < bins.length) bins[yy]++;
    }
    let e = 0;
    for (let i = 1; i < bins.length; i++) e += (bins[i] - bins[i - 1]) ** 2;
    return e;
  };
  let best = 0;
  let bestScore = score(0);
  for (let d = -maxDeg; d <= maxDeg + 1e-9; d += stepDeg) {
    const sc = score(d);
    if (sc > bestScore * 1.0001) {
      bestScore = sc;
      best = d;
    }
  }
  return Math.round(best * 100) / 100;
}

/** Rotates by `deg` degrees about the centre (bilinear), same size, background filled white. */
export function rotate(img: Gray, deg: number): Gray {
  const { data, width: w, height: h } = img;
  if (Math.abs(deg) < 0.05) return img;
  const t = (deg * Math.PI) / 180;
  const c = Math.cos(t);
  const s = Math.sin(t);
  const cx = w / 2;
  const cy = h / 2;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const dy = y - cy;
    for (let x = 0; x < w; x++) {
      const dx = x - cx;
      // inverse mapping: where does this output pixel come from
      const sx = c * dx - s * dy + cx;
      const sy = s * dx + c * dy + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 >= w - 1 || y0 >= h - 1) {
        out[y * w + x] = 255;
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * w + x0;
      const top = data[i] + (data[i + 1] - data[i]) * fx;
      const bot = data[i + w] + (data[i + w + 1] - data[i + w]) * fx;
      out[y * w + x] = top + (bot - top) * fy;
    }
  }
  return { data: out, width: w, height: h };
}

/** Rotates clockwise by a multiple of 90 degrees (exact, sizes swap for 90/270). */
export function rotateQuarter(img: Gray, quarters: number): Gray {
  const q = ((quarters % 4) + 4) % 4;
  if (q === 0) return img;
  const { data, width: w, height: h } = img;
  const nw = q === 2 ? w : h;
  const nh = q === 2 ? h : w;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let nx: number;
      let ny: number;
      if (q === 1) {
        nx = h - 1 - y;
        ny = x;
      } else if (q === 2) {
        nx = w - 1 - x;
        ny = h - 1 - y;
      } else {
        nx = y;
        ny = w - 1 - x;
      }
      out[ny * nw + nx] = data[y * w + x];
    }
  }
  return { data: out, width: nw, height: nh };
}

/** A crop of the image (clamped to its bounds). */
export function crop(img: Gray, x: number, y: number, w: number, h: number): Gray {
  const x0 = Math.max(0, Math.floor(x));
  const y0 = Math.max(0, Math.floor(y));
  const cw = Math.max(1, Math.min(img.width - x0, Math.floor(w)));
  const ch = Math.max(1, Math.min(img.height - y0, Math.floor(h)));
  const out = new Uint8Array(cw * ch);
  for (let r = 0; r < ch; r++)
    out.set(img.data.subarray((y0 + r) * img.width + x0, (y0 + r) * img.width + x0 + cw), r * cw);
  return { data: out, width: cw, height: ch };
}

/** Share of pixels darker than mid-grey: a page with almost none has nothing to read. */
export function inkRatio(img: Gray): number {
  let n = 0;
  for (const v of img.data) if (v < 128) n++;
  return n / img.data.length;
}

/** Binary PGM (P5): a format Leptonica reads directly, so OCR input needs no PNG encoder. */
export function toPgm(img: Gray): Buffer {
  const head = Buffer.from(`P5\n${img.width} ${img.height}\n255\n`, 'latin1');
  return Buffer.concat([head, Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength)]);
}

/** Where a pixel of a processed image came from in the image before processing. */
export type ToSource = (x: number, y: number) => [number, number];

/** The inverse of `rotate(img, deg)` for an image of `w`×`h`: output pixel -> input pixel. */
export function rotateInverse(deg: number, w: number, h: number): ToSource {
  const t = (deg * Math.PI) / 180;
  const c = Math.cos(t);
  const s = Math.sin(t);
  return (x, y) => {
    const dx = x - w / 2;
    const dy = y - h / 2;
    return [c * dx - s * dy + w / 2, s * dx + c * dy + h / 2];
  };
}

/** The full scan preprocessing: flat-field, contrast normalisation, deskew, ruled lines out. */
export function preprocess(img: Gray, dpi: number): { img: Gray; skew: number; toSource: ToSource } {
  const radius = Math.max(8, Math.round((dpi / 200) * 25));
  const flat = normalise(flatField(img, radius));
  const skew = estimateSkew(flat);
  // rules are removed once straight: a tilted rule is no long run in any one row
  const straight = rotate(flat, skew);
  const mm = dpi / 25.4;
  const clean = removeLines(straight, {
    minRunX: Math.round(8 * mm),
    minRunY: Math.round(straight.height * 0.3),
    maxThick: Math.max(3, Math.round(0.7 * mm)),
  });
  return { img: clean, skew, toSource: rotateInverse(skew, img.width, img.height) };
}
