import type { ExtractedScript } from '@grader/model';

// Titles, page numbers and OCR crumbs are not answers: only text with some substance counts.
const FURNITURE =
  /class test|deep learning|cs\s?60010|^\s*(?:page|p\.?)\s*\d+\s*$|^\s*\d+\s*$|^\s*answers?\s*$/i;

/** Lines of text ingestion could not attach to a part that look like answer content. */
export function meaningfulUnlabelled(script: ExtractedScript): string[] {
  const lines = script.unlabelled.map((l) => l.text).filter((t) => !FURNITURE.test(t));
  // a few short crumbs (stray marks read by OCR) are not an unlabelled answer
  const letters = lines.join(' ').replace(/[^A-Za-z0-9]/g, '').length;
  return letters >= 25 ? lines.filter((t) => t.replace(/[^A-Za-z0-9]/g, '').length >= 3) : [];
}
