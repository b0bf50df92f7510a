import { describe, expect, it } from 'vitest';
import { b, p } from '../../test/helpers/blocks';
import { isFurnitureLine } from './is-furniture-line';
import { removePageFurniture } from './remove-page-furniture';

describe('isFurnitureLine', () => {
  it.each([
    'Página 2 de 25',
    '- 3 -',
    'Cód. Validación: 3GFDA66P6ZALET53SRZ9FLMYZ',
    'Verificación: https://sede.example.es/',
    'Documento firmado electrónicamente desde la plataforma esPublico Gestiona | Página 1 de 7',
    'HASH: 04c0a301d8642103c105eb8ed6bc2592',
    'Fecha Firma: 03/02/2025',
    'FRANCISCO JOSÉ FARRONA NAVAS (2 de 2)',
    'Número: 2025-0001 Fecha: 03/02/2025',
    'Código Seguro de Verificación: ABC123',
    'C/ Mayor, 1 – 06830 VILLANUEVA Telf. 924000000',
    'Web: www.example.es E-mail: registro@example.es',
  ])('is furniture: %j', (text) => {
    expect(isFurnitureLine(text)).toBe(true);
  });

  it.each([
    'Sometido el asunto a votación, se adopta por UNANIMIDAD la propuesta presentada.',
    'ASUNTO II.- CAMBIO DE DENOMINACIÓN DE LA SEDE ELECTRÓNICA.',
    'PRIMERO.- Aprobar el referido convenio en los términos en que aparece redactado.',
    'Se explica por el Sr. Alcalde que la página web del Ayuntamiento se renovará.',
  ])('is not furniture: %j', (text) => {
    expect(isFurnitureLine(text)).toBe(false);
  });
});

describe('removePageFurniture', () => {
  const band = (page: number) => [
    p(`Cód. Validación: ABCDEF${page}`),
    p('ACTA DEL PLENO'),
    p(`Documento firmado electrónicamente desde la plataforma esPublico Gestiona | Página ${page} de 3`),
    p('C/ Mayor, 1 – 06830 VILLANUEVA Telf. 924000000'),
  ];

  it('drops the band at each page break and joins the paragraph the break split', () => {
    const { blocks, removed, joined } = removePageFurniture([
      b('ASUNTO I.- RUEGOS Y PREGUNTAS.'),
      p('Se explica por el Sr. Alcalde que el área urbana funcional ha sido objeto de una'),
      ...band(1),
      p('Estrategia de Desarrollo Integrado Local aprobada por la Diputación.'),
      p('Sometido el asunto a votación, se adopta por UNANIMIDAD la propuesta presentada.'),
      ...band(2),
      p('Sometido el asunto a votación, se adopta por UNANIMIDAD la propuesta presentada.'),
    ]);
    expect(blocks.map((block) => block.text)).toEqual([
      'ASUNTO I.- RUEGOS Y PREGUNTAS.',
      'Se explica por el Sr. Alcalde que el área urbana funcional ha sido objeto de una Estrategia de Desarrollo Integrado Local aprobada por la Diputación.',
      'Sometido el asunto a votación, se adopta por UNANIMIDAD la propuesta presentada.',
      'Sometido el asunto a votación, se adopta por UNANIMIDAD la propuesta presentada.',
    ]);
    expect(removed).toBe(8);
    expect(joined).toBe(1);
  });

  it('keeps repeated sentences of the minutes that are not next to furniture', () => {
    const repeated = p('SEGUNDO.- Dar traslado a todos los interesados del Acuerdo adoptado.');
    const { blocks } = removePageFurniture([repeated, p('Texto.'), repeated, p('Más texto.'), repeated]);
    expect(blocks).toHaveLength(5);
  });
});
