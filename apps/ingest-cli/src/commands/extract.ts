import { readActaFile } from '@astra/semantic-extractor';
import { checkFileArgument } from '../check-arguments';
import type { Output } from '../output';

/** `astra-ingest extract <acta.docx|acta.pdf>`: prints the Acta (always JSON: it is a data structure). */
export async function runExtractCommand(actaPath: string, output: Output): Promise<number> {
  await checkFileArgument('acta', actaPath);
  const acta = await readActaFile(actaPath, { logger: output.logger });
  output.result(acta, () => JSON.stringify(acta, null, 2));
  return 0;
}
