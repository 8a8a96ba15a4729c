// The middle of a list of sizes (a page's body text by its words' heights: sub- and superscripts,
// fewer, do not move it).

/** The median of `xs` (the upper one of an even count), or 0 for none. */
export function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
}
