import { generateCorpus } from './corpus.ts';
import { findTool } from './render/tools.ts';
import { DEFAULT_FORMATS, FORMATS, type Format } from './script.ts';

// npm run corpus -- --out var/corpus --count 40 --seed 1 [--formats typed,scan] [--roster FILE]
const args = process.argv.slice(2);
const opt = (name: string, dflt?: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const formats = (opt('formats', DEFAULT_FORMATS.join(',')) ?? '').split(',').filter(Boolean) as Format[];
const bad = formats.filter((f) => !FORMATS.includes(f));
if (bad.length) {
  console.error(`unknown format(s) ${bad.join(', ')}; choose from ${FORMATS.join(', ')}`);
  process.exit(2);
}
const out = opt('out', 'var/corpus')!;
const count = Number(opt('count', '40'));
const seed = Number(opt('seed', '1'));
if (!Number.isInteger(count) || count < 1 || !Number.isFinite(seed)) {
  console.error('--count must be a positive integer and --seed a number');
  process.exit(2);
}
// latex and office scripts are compiled by external programs: say which one is missing before starting
const NEEDS: Partial<Record<Format, { cmds: string[]; apt: string }>> = {
  latex: {
    cmds: ['pdflatex'],
    apt: 'texlive-latex-base texlive-latex-recommended texlive-fonts-recommended',
  },
  office: { cmds: ['soffice', 'libreoffice'], apt: 'libreoffice-writer-nogui' },
};
for (const f of formats) {
  const need = NEEDS[f];
  if (need && !findTool(...need.cmds)) {
    console.error(
      `format ${f} needs ${need.cmds.join(' or ')}, which is not installed (apt-get install -y ${need.apt})`,
    );
    process.exit(2);
  }
}
const t0 = performance.now();
const c = await generateCorpus({ seed, count, formats, outDir: out, rosterPath: opt('roster') });
const byFormat = new Map<string, number>();
for (const s of c.scripts) byFormat.set(s.format, (byFormat.get(s.format) ?? 0) + 1);
const flagged = c.expected.filter((e) => e.flags.length).length;
console.log(
  `wrote ${c.scripts.length} scripts to ${out} (${[...byFormat].map(([f, n]) => `${f} ${n}`).join(', ')}; ` +
    `${flagged} flagged) + expected.json + roster.csv in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
