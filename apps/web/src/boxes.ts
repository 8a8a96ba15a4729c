/**
 * Boxes from the server are in PDF points on the page (origin top-left, y down). The page image is
 * drawn at some other size; these pure functions place boxes on it and choose crops.
 */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface PageSize {
  width: number;
  height: number;
}

/** The box as percentages of the page, so it stays right whatever size the image is drawn at. */
export function boxToPercent(
  box: Box,
  page: PageSize,
): { left: number; top: number; width: number; height: number } {
  const c = clampBox(box, page);
  return {
    left: (c.x / page.width) * 100,
    top: (c.y / page.height) * 100,
    width: (c.w / page.width) * 100,
    height: (c.h / page.height) * 100,
  };
}

/** Scale a box from page points to pixels of an image `px` wide. */
export function scaleBox(box: Box, page: PageSize, pxWidth: number): Box {
  const k = pxWidth / page.width;
  return { x: box.x * k, y: box.y * k, w: box.w * k, h: box.h * k };
}

/** Keep a box inside the page (an OCR box can run a little past an edge). */
export function clampBox(box: Box, page: PageSize): Box {
  const x = Math.max(0, Math.min(box.x, page.width));
  const y = Math.max(0, Math.min(box.y, page.height));
  const x2 = Math.max(x, Math.min(box.x + box.w, page.width));
  const y2 = Math.max(y, Math.min(box.y + box.h, page.height));
  return { x, y, w: x2 - x, h: y2 - y };
}

/**
 * The region of the page to show around an answer box: the box plus a margin, at least
 * `minWidthFrac` of the page wide (so a short answer is shown with the start of its line and is
 * enlarged, not drawn as a speck on a full-width strip), clamped to the page.
 */
export function cropAround(box: Box, page: PageSize, margin = 24, minWidthFrac = 0.5): Box {
  const c = clampBox(box, page);
  const y = Math.max(0, c.y - margin);
  const y2 = Math.min(page.height, c.y + c.h + margin);
  const want = Math.min(page.width, Math.max(c.w + 2 * margin, page.width * minWidthFrac));
  // start a margin left of the box, but move left if the crop would run off the right edge
  const x = Math.max(0, Math.min(c.x - margin, page.width - want));
  return { x, y, w: want, h: y2 - y };
}

/** The union of several boxes (one part's answer can span several lines). */
export function unionBox(boxes: Box[]): Box | null {
  if (boxes.length === 0) return null;
  let x1 = Number.POSITIVE_INFINITY;
  let y1 = Number.POSITIVE_INFINITY;
  let x2 = Number.NEGATIVE_INFINITY;
  let y2 = Number.NEGATIVE_INFINITY;
  for (const b of boxes) {
    x1 = Math.min(x1, b.x);
    y1 = Math.min(y1, b.y);
    x2 = Math.max(x2, b.x + b.w);
    y2 = Math.max(y2, b.y + b.h);
  }
  return { x: x1, y: y1, w: x2 - x1, h: y2 - y1 };
}
