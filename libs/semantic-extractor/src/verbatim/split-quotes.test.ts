import { describe, expect, it } from 'vitest';
import { splitQuotes } from './split-quotes';

describe('splitQuotes', () => {
  it('splits a speech formula from the quoted speech', () => {
    expect(splitQuotes('El Sr. X manifiesta: «Buenas tardes.»')).toEqual({
      pieces: [
        { quoted: false, text: 'El Sr. X manifiesta: ' },
        { quoted: true, text: 'Buenas tardes.' },
      ],
      open: undefined,
    });
  });

  it('keeps nested quotations inside the outer one', () => {
    const { pieces } = splitQuotes('Dice: «el informe dice “no procede” y el «anexo» también.» Fin.');
    expect(pieces.map((piece) => piece.quoted)).toEqual([false, true, false]);
    expect(pieces[1]?.text).toBe('el informe dice “no procede” y el «anexo» también.');
  });

  it('reports a quotation left open and resumes it in the next paragraph after the » continuation mark', () => {
    const first = splitQuotes('Manifiesta: «Primer párrafo.');
    expect(first.open).toEqual({ closer: '»' });
    const second = splitQuotes('»Segundo párrafo.» Y concluye.', first.open);
    expect(second).toEqual({
      pieces: [
        { quoted: true, text: 'Segundo párrafo.' },
        { quoted: false, text: ' Y concluye.' },
      ],
      open: undefined,
    });
  });

  it('handles straight and curly double quotes, but not inch marks', () => {
    expect(
      splitQuotes('Dice: "hola" y “adiós”')
        .pieces.filter((piece) => piece.quoted)
        .map((piece) => piece.text),
    ).toEqual(['hola', 'adiós']);
    expect(splitQuotes('Una pantalla de 55" nueva').pieces).toEqual([
      { quoted: false, text: 'Una pantalla de 55" nueva' },
    ]);
  });

  it('returns a single unquoted piece for text without quotes', () => {
    expect(splitQuotes('Sin comillas.')).toEqual({
      pieces: [{ quoted: false, text: 'Sin comillas.' }],
      open: undefined,
    });
  });
});
