import { describe, expect, it } from 'vitest';
import { b, h, li, p } from '../../test/helpers/blocks';
import { planAgenda } from './plan-agenda';

const headingsOf = (plan: ReturnType<typeof planAgenda>): [number, number][] =>
  [...plan.headings.entries()].map(([block, heading]) => [block, heading.index]);

describe('planAgenda', () => {
  it('takes Word headings as items and keeps resolution points out, even one numbered like the next item', () => {
    const plan = planAgenda([
      h(1, 'ACTA DE LA SESIÓN ORDINARIA'),
      h(2, 'PRIMERO.- APROBACIÓN DEL ACTA.'),
      p('Queda aprobada.'),
      h(2, 'SEGUNDO.- PRESUPUESTO 2024.'),
      p('Sometido a votación, el Pleno ACUERDA:'),
      p('PRIMERO.- Aprobar inicialmente el presupuesto.'),
      p('SEGUNDO.- Exponer al público el expediente.'),
      p('TERCERO.- Considerar definitivamente aprobado el presupuesto.'),
      h(2, 'TERCERO.- RUEGOS Y PREGUNTAS.'),
    ]);
    expect(plan.titleBlock).toBe(0);
    expect(headingsOf(plan)).toEqual([
      [1, 1],
      [3, 2],
      [8, 3],
    ]);
    expect(plan.items).toEqual([
      { index: 1, title: 'APROBACIÓN DEL ACTA' },
      { index: 2, title: 'PRESUPUESTO 2024' },
      { index: 3, title: 'RUEGOS Y PREGUNTAS' },
    ]);
  });

  it('reads the ORDEN DEL DÍA list without counting its items twice, and prefers its wording for titles', () => {
    const plan = planAgenda([
      p('ACTA DE LA SESIÓN'),
      b('ORDEN DEL DÍA'),
      p('1.- Aprobación del acta anterior.'),
      p('2.- Moción sobre vivienda.'),
      p('Abierta la sesión, se pasa al orden del día.'),
      p('PRIMERO.- APROBACIÓN DEL ACTA ANTERIOR.'),
      p('Queda aprobada por unanimidad.'),
      p('SEGUNDO.- MOCIÓN SOBRE VIVIENDA.'),
    ]);
    expect([...plan.listBlocks].sort()).toEqual([1, 2, 3]);
    expect(headingsOf(plan)).toEqual([
      [5, 1],
      [7, 2],
    ]);
    expect(plan.items).toEqual([
      { index: 1, title: 'Aprobación del acta anterior' },
      { index: 2, title: 'Moción sobre vivienda' },
    ]);
  });

  it('takes an ORDEN DEL DÍA heading followed directly by the item bodies as no list at all', () => {
    const plan = planAgenda([
      h(1, 'ACTA DE LA SESIÓN ORDINARIA'),
      b('ORDEN DEL DÍA'),
      h(2, 'PRIMERO.- APROBACIÓN DEL ACTA ANTERIOR.'),
      p('El Sr. Alcalde manifiesta: «¿Alguna observación?»'),
      h(2, 'SEGUNDO.- MOCIÓN SOBRE VIVIENDA.'),
      p('Queda aprobada por unanimidad.'),
    ]);
    expect(plan.listBlocks.size).toBe(0);
    expect(headingsOf(plan)).toEqual([
      [2, 1],
      [4, 2],
    ]);
  });

  it('numbers a Word list (no written numbers) by position', () => {
    const plan = planAgenda([
      b('ACTA'),
      p('ORDEN DEL DÍA:'),
      li('Aprobación del acta'),
      li('Detalle', true, 2),
      li('Ruegos y preguntas'),
      b('1.- Aprobación del acta.'),
      b('2.- Ruegos y preguntas.'),
    ]);
    expect(plan.items).toEqual([
      { index: 1, title: 'Aprobación del acta' },
      { index: 2, title: 'Ruegos y preguntas' },
    ]);
    expect(headingsOf(plan)).toEqual([
      [5, 1],
      [6, 2],
    ]);
  });

  it('treats a leading run of numbered lines that restarts at 1 as the agenda list', () => {
    const plan = planAgenda([
      p('1. Aprobación del acta.'),
      p('2. Ruegos y preguntas.'),
      p('Se abre la sesión.'),
      p('1. Aprobación del acta.'),
      p('Aprobada.'),
      p('2. Ruegos y preguntas.'),
    ]);
    expect([...plan.listBlocks]).toEqual([0, 1]);
    expect(headingsOf(plan)).toEqual([
      [3, 1],
      [5, 2],
    ]);
  });

  it('takes the title from the next line when the heading is only a number', () => {
    const plan = planAgenda([b('PRIMERO.-'), b('APROBACIÓN DEL ACTA'), p('Aprobada.'), b('SEGUNDO.-'), b('RUEGOS')]);
    expect(plan.items).toEqual([
      { index: 1, title: 'APROBACIÓN DEL ACTA' },
      { index: 2, title: 'RUEGOS' },
    ]);
    expect(plan.headings.get(0)).toEqual({ index: 1, titleBlocks: 1 });
  });

  it('accepts plain numbered paragraphs in an unformatted document, but not infinitive resolution points', () => {
    const plan = planAgenda([
      p('1.- Aprobación del acta.'),
      p('Primero.- Aprobar el acta.'),
      p('Segundo.- Publicar el acuerdo.'),
      p('2.- Ruegos y preguntas.'),
    ]);
    expect(headingsOf(plan)).toEqual([
      [0, 1],
      [3, 2],
    ]);
  });

  it('does not jump far ahead on a stray number', () => {
    const plan = planAgenda([b('1.- Aprobación del acta.'), b('17.- Otra cosa.'), b('2.- Ruegos.')]);
    expect(headingsOf(plan)).toEqual([
      [0, 1],
      [2, 2],
    ]);
  });

  it('falls back to unnumbered headings in order', () => {
    const plan = planAgenda([
      h(1, 'ACTA'),
      h(2, 'ASISTENTES'),
      p('D. Juan Pérez'),
      h(3, 'APROBACIÓN DEL ACTA'),
      p('Aprobada.'),
      h(3, 'RUEGOS Y PREGUNTAS'),
    ]);
    expect(plan.items).toEqual([
      { index: 1, title: 'APROBACIÓN DEL ACTA' },
      { index: 2, title: 'RUEGOS Y PREGUNTAS' },
    ]);
  });

  it('finds no items in text without structure', () => {
    const plan = planAgenda([p('Una nota cualquiera.'), p('Otra línea de texto.')]);
    expect(plan.items).toEqual([]);
    expect(plan.headings.size).toBe(0);
  });
});
