import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Rng } from '../rng.ts';
import type { Script } from '../script.ts';
import { parseMarkup } from './markup.ts';
import { findTool, MissingToolError } from './tools.ts';

/**
 * Office answer scripts: a flat ODF text document (.fodt) as a word-processor user writes it —
 * Unicode ⊙ σ ∂ C̃, subscripts as real subscript formatting (text layer `Ct-1`), bold labels,
 * 1(a) tables as real tables — converted to PDF by LibreOffice (`--headless --convert-to pdf`).
 */
export interface OfficeStyle {
  font: 'Liberation Serif' | 'Liberation Sans' | 'DejaVu Sans' | 'DejaVu Serif';
  size: number;
  /** label in its own bold paragraph, or bold at the start of the first answer line */
  labelInline: boolean;
  /** answer paragraphs indented */
  indent: boolean;
  spaceAfter: number;
}

export function randomOfficeStyle(rng: Rng): OfficeStyle {
  return {
    font: rng.pick([
      'Liberation Serif',
      'Liberation Serif',
      'Liberation Sans',
      'DejaVu Sans',
      'DejaVu Serif',
    ] as const),
    size: rng.pick([10, 11, 12, 12]),
    labelInline: rng.chance(0.4),
    indent: rng.chance(0.5),
    spaceAfter: rng.pick([0, 0.1, 0.2]),
  };
}

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** a line with `_x`/`^x` markup as spans with real sub/superscript formatting */
function spans(line: string): string {
  return parseMarkup(line)
    .map((g) => {
      const t = xml(g.text).replace(/ {2,}/g, (m) => ` <text:s text:c="${m.length - 1}"/>`);
      return g.kind === 'n' ? t : `<text:span text:style-name="${g.kind}">${t}</text:span>`;
    })
    .join('');
}

function table(rows: string[][], k: number): string {
  const cols = Math.max(...rows.map((r) => r.length));
  return [
    `<table:table table:name="T${k}" table:style-name="tbl">`,
    `<table:table-column table:number-columns-repeated="${cols}"/>`,
    ...rows.map(
      (r) =>
        `<table:table-row>${r.map((c) => `<table:table-cell table:style-name="cell" office:value-type="string"><text:p text:style-name="Cell">${spans(c)}</text:p></table:table-cell>`).join('')}</table:table-row>`,
    ),
    '</table:table>',
  ].join('\n');
}

/** The .fodt document of a script. */
export function scriptToFodt(s: Script, st: OfficeStyle): string {
  const body: string[] = [];
  for (const h of s.headerLines) body.push(`<text:p text:style-name="Head">${spans(h)}</text:p>`);
  body.push('<text:p text:style-name="Body"/>');
  s.blocks.forEach((b, k) => {
    const rows = b.lines.filter((l) => l.startsWith('\t')).map((l) => l.split('\t').slice(1));
    const plain = b.lines.filter((l) => !l.startsWith('\t'));
    const label = `<text:span text:style-name="bold">${xml(b.label)}</text:span>`;
    if (st.labelInline && !rows.length && plain.length) {
      body.push(`<text:p text:style-name="Body">${label} ${spans(plain[0])}</text:p>`);
      plain.shift();
    } else {
      body.push(`<text:p text:style-name="Label">${label}</text:p>`);
    }
    if (rows.length) body.push(table(rows, k));
    for (const l of plain) body.push(`<text:p text:style-name="Answer">${spans(l)}</text:p>`);
    body.push('<text:p text:style-name="Body"/>');
  });
  const para = (name: string, extra = '') =>
    `<style:style style:name="${name}" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="${st.spaceAfter}cm" ${extra}/><style:text-properties style:font-name="F1" fo:font-size="${st.size}pt"/></style:style>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><meta:generator>grader testkit office</meta:generator></office:meta>
<office:font-face-decls><style:font-face style:name="F1" svg:font-family="'${st.font}'"/></office:font-face-decls>
<office:styles>
${para('Body')}
${para('Head', 'fo:text-align="center"')}
${para('Label', 'fo:margin-top="0.2cm"')}
${para('Answer', st.indent ? 'fo:margin-left="0.6cm"' : '')}
${para('Cell')}
<style:style style:name="bold" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="sub" style:family="text"><style:text-properties style:text-position="sub 58%"/></style:style>
<style:style style:name="sup" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>
</office:styles>
<office:automatic-styles>
<style:style style:name="tbl" style:family="table"><style:table-properties style:width="10cm" table:align="left"/></style:style>
<style:style style:name="cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.05cm" fo:border="0.5pt solid #000000"/></style:style>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2.2cm" fo:margin-right="2.2cm"/></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/></office:master-styles>
<office:body><office:text>
${body.join('\n')}
</office:text></office:body></office:document>
`;
}

const OFFICE_CMDS = ['soffice', 'libreoffice'];

/**
 * Convert several scripts in one LibreOffice run (its start-up costs seconds). A private user
 * profile keeps it from clashing with any other LibreOffice on the machine.
 */
export function renderOfficePdfs(items: { script: Script; rng: Rng }[]): Map<string, Buffer> {
  const cmd = findTool(...OFFICE_CMDS);
  if (!cmd)
    throw new MissingToolError(
      'libreoffice (soffice) is not installed: the office renderer needs it (apt-get install -y libreoffice-writer-nogui)',
    );
  const dir = mkdtempSync(join(tmpdir(), 'tk-office-'));
  try {
    const files = items.map(({ script, rng }) => {
      const f = join(dir, script.file.replace(/\.pdf$/, '.fodt'));
      writeFileSync(f, scriptToFodt(script, randomOfficeStyle(rng)));
      return f;
    });
    execFileSync(
      cmd,
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        ...files,
      ],
      { stdio: 'pipe', timeout: 600_000 },
    );
    const out = new Map<string, Buffer>();
    for (const { script } of items) {
      const pdf = join(dir, script.file);
      if (!existsSync(pdf)) throw new Error(`libreoffice did not convert ${script.file}`);
      out.set(script.file, readFileSync(pdf));
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
