import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { Acta, Fragment } from './session-types';
import type { SyntheticSession } from './generate-session';

function fragmentParagraph(fragment: Fragment): Paragraph {
  if (fragment.kind === 'intervention' && fragment.verbatim && fragment.speaker !== undefined) {
    const role = fragment.role === undefined ? '' : ` (${fragment.role})`;
    const quoted = fragment.text.startsWith('«') ? fragment.text : `«${fragment.text}»`;
    return new Paragraph({
      children: [new TextRun({ text: `${fragment.speaker}${role}: `, bold: true }), new TextRun(quoted)],
    });
  }
  if (fragment.kind === 'reading') {
    return new Paragraph({
      children: [
        new TextRun('El Sr. Secretario da lectura a la propuesta, que dice literalmente: '),
        new TextRun(`«${fragment.text}»`),
      ],
    });
  }
  return new Paragraph(fragment.text);
}

/** The acta as a DOCX a secretary could have written (headings per agenda item, quoted verbatim interventions). */
export async function renderActaDocx(acta: Acta): Promise<Buffer> {
  const children: Paragraph[] = [new Paragraph({ text: acta.meta.title, heading: HeadingLevel.TITLE })];
  if (acta.meta.municipality !== undefined)
    children.push(new Paragraph(`Ayuntamiento de ${acta.meta.municipality}. Fecha: ${acta.meta.date ?? ''}.`));
  for (const fragment of acta.fragments) {
    if (fragment.kind === 'heading')
      children.push(new Paragraph({ text: fragment.text, heading: HeadingLevel.HEADING_1 }));
    else children.push(fragmentParagraph(fragment));
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/**
 * Writes a generated session to `dir`: acta.json, acta.docx, transcript.json (normalised), deepgram.json (provider
 * shape), truth.json (true word timings with `alignable`). Handy as CLI input (`astra-ingest align`).
 */
export async function writeSessionFiles(session: SyntheticSession, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: [string, string | Buffer][] = [
    ['acta.json', `${JSON.stringify(session.acta, null, 2)}\n`],
    ['acta.docx', await renderActaDocx(session.acta)],
    ['transcript.json', `${JSON.stringify(session.transcript)}\n`],
    ['deepgram.json', `${JSON.stringify(session.deepgram)}\n`],
    ['truth.json', `${JSON.stringify({ spokenOrder: session.spokenOrder, words: session.truth })}\n`],
  ];
  for (const [name, content] of files) await writeFile(join(dir, name), content);
  return files.map(([name]) => join(dir, name));
}
