import { numberToSpanishWords } from '../../src/spanish/number-to-spanish-words';
import type { Rng } from './prng';

/**
 * One written word of the acta with how it is said: "25.000" → ["veinticinco", "mil"]. `asrDigits` is what an ASR
 * with smart formatting writes for it ("25.000"); absent for ordinary words.
 */
export interface Piece {
  written: string;
  spoken: string[];
  asrDigits?: string;
  /** How many spoken words (from this piece on) `asrDigits` stands for; default: this piece's. */
  asrSpan?: number;
}

export function plain(text: string): Piece[] {
  return text
    .split(/\s+/u)
    .filter((w) => w !== '')
    .map((written) => ({
      written,
      spoken: [written.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')].filter((w) => w !== ''),
    }));
}

const SURNAMES = [
  'García',
  'Martínez',
  'López',
  'Sánchez',
  'Pérez',
  'Gómez',
  'Martín',
  'Jiménez',
  'Ruiz',
  'Hernández',
  'Díaz',
  'Moreno',
  'Muñoz',
  'Álvarez',
  'Romero',
  'Alonso',
  'Gutiérrez',
  'Navarro',
  'Torres',
  'Domínguez',
  'Vázquez',
  'Ramos',
  'Gil',
  'Ramírez',
  'Serrano',
  'Blanco',
  'Molina',
  'Morales',
  'Suárez',
  'Ortega',
  'Delgado',
  'Castro',
  'Ortiz',
  'Rubio',
  'Marín',
  'Sanz',
  'Iglesias',
  'Medina',
  'Garrido',
  'Cortés',
  'Castillo',
  'Santos',
  'Lozano',
  'Guerrero',
  'Cano',
  'Prieto',
  'Méndez',
  'Cruz',
  'Calvo',
  'Gallego',
  'Vidal',
  'León',
  'Herrera',
  'Márquez',
  'Peña',
  'Flores',
  'Cabrera',
  'Campos',
  'Vega',
  'Fuentes',
  'Carrasco',
  'Diez',
  'Caballero',
  'Reyes',
  'Nieto',
];
const FIRST_NAMES_M = [
  'Antonio',
  'José',
  'Manuel',
  'Francisco',
  'David',
  'Javier',
  'Daniel',
  'Carlos',
  'Miguel',
  'Rafael',
  'Pedro',
  'Ángel',
  'Luis',
  'Sergio',
  'Pablo',
  'Jorge',
  'Alberto',
  'Fernando',
  'Raúl',
  'Andrés',
];
const FIRST_NAMES_F = [
  'María',
  'Carmen',
  'Ana',
  'Isabel',
  'Laura',
  'Cristina',
  'Marta',
  'Lucía',
  'Elena',
  'Pilar',
  'Rosa',
  'Sara',
  'Paula',
  'Raquel',
  'Beatriz',
  'Silvia',
  'Nuria',
  'Patricia',
  'Mercedes',
  'Rocío',
];

export const PARTIES = [
  { name: 'Grupo Municipal Socialista', short: 'PSOE' },
  { name: 'Grupo Municipal Popular', short: 'PP' },
  { name: 'Grupo Municipal Vox', short: 'Vox' },
  { name: 'Grupo Municipal de Izquierda Unida', short: 'IU' },
  { name: 'Grupo Municipal Ciudadanos', short: 'Cs' },
  { name: 'Grupo Municipal Independiente', short: 'GMI' },
];

export interface Councillor {
  /** As the acta names the speaker ("Sr. Ruiz Sánchez"). */
  speaker: string;
  role: string;
  feminine: boolean;
  surname: string;
  party: (typeof PARTIES)[number];
}

export function makeCouncillors(rng: Rng, count: number): Councillor[] {
  const surnames = rng.shuffle(SURNAMES);
  return Array.from({ length: count }, (_, k) => {
    const feminine = rng.chance(0.45);
    const surname = `${surnames[2 * k] ?? 'García'} ${surnames[2 * k + 1] ?? 'López'}`;
    const party = PARTIES[k % PARTIES.length] ?? PARTIES[0];
    if (party === undefined) throw new Error('no parties');
    return {
      speaker: `${feminine ? 'Sra.' : 'Sr.'} ${surname}`,
      role: k === 0 ? 'Alcalde-Presidente' : `Portavoz del ${party.name}`,
      feminine,
      surname,
      party,
    };
  });
}

const PLACE_KINDS = [
  'el barrio de',
  'la calle',
  'la avenida de',
  'la plaza de',
  'el parque de',
  'el polígono de',
  'la urbanización',
  'el camino de',
  'la pedanía de',
  'la barriada de',
  'el paseo de',
  'la ronda de',
];
const PLACE_NAMES = [
  'San Antonio',
  'Santa Lucía',
  'Los Olivos',
  'La Estación',
  'El Carmen',
  'Las Moreras',
  'Cervantes',
  'Goya',
  'La Constitución',
  'Valle Verde',
  'Los Pinos',
  'El Molino',
  'La Fuente',
  'Río Seco',
  'Las Huertas',
  'San Isidro',
  'Los Almendros',
  'La Ermita',
  'El Castillo',
  'Las Eras',
  'San Roque',
  'La Vega',
  'Los Llanos',
  'El Pilar',
  'Santa Ana',
  'La Alameda',
  'Las Acacias',
  'El Cerro',
  'Buenavista',
  'La Dehesa',
  'Los Rosales',
  'El Puerto',
  'La Cañada',
  'San Blas',
  'Las Palmeras',
  'El Olivar',
  'Miraflores',
  'La Paz',
  'Villanueva',
  'Las Torres',
];
const SERVICES = [
  'el servicio de recogida de basuras',
  'el alumbrado público',
  'la limpieza viaria',
  'el transporte urbano',
  'la escuela infantil municipal',
  'el centro de salud',
  'la biblioteca municipal',
  'el polideportivo',
  'la piscina cubierta',
  'el mercado de abastos',
  'la residencia de mayores',
  'el servicio de ayuda a domicilio',
  'la policía local',
  'el cementerio municipal',
  'la red de abastecimiento de agua',
  'el alcantarillado',
  'el centro de día',
  'la oficina de atención al ciudadano',
  'el punto limpio',
  'la depuradora',
  'el conservatorio de música',
  'la casa de la cultura',
  'el auditorio',
  'el servicio de emergencias',
  'la ludoteca',
  'el centro juvenil',
  'los huertos urbanos',
  'el carril bici',
  'el aparcamiento disuasorio',
  'la estación de autobuses',
];
const TOPICS = [
  'la ordenanza fiscal reguladora de la tasa de basuras',
  'el presupuesto municipal',
  'el plan general de ordenación urbana',
  'la modificación de crédito',
  'el contrato de mantenimiento de zonas verdes',
  'la subvención a las asociaciones vecinales',
  'el convenio con la diputación provincial',
  'la relación de puestos de trabajo',
  'el impuesto sobre bienes inmuebles',
  'la ordenanza de terrazas',
  'el reglamento de participación ciudadana',
  'el plan de movilidad sostenible',
  'la cuenta general',
  'el plan de igualdad',
  'la ordenanza de convivencia',
  'el inventario de bienes',
  'el contrato de limpieza de edificios',
  'la ordenanza de vados',
  'el plan de emergencia municipal',
  'la declaración de interés social',
  'el proyecto de urbanización',
  'la ordenanza de ruidos',
  'el plan de accesibilidad',
  'el reconocimiento extrajudicial de créditos',
  'la tasa por ocupación de vía pública',
];
const VERBS = [
  'mejorar',
  'reforzar',
  'ampliar',
  'revisar',
  'licitar',
  'rehabilitar',
  'modernizar',
  'garantizar',
  'financiar',
  'ejecutar',
  'mantener',
  'impulsar',
  'recuperar',
  'adaptar',
  'reformar',
  'asfaltar',
  'iluminar',
  'señalizar',
  'ordenar',
  'digitalizar',
];
const REASONS = [
  'porque los vecinos llevan años esperando',
  'ya que el informe de intervención es favorable',
  'dado que no hay consignación presupuestaria suficiente',
  'porque no se ha contado con la oposición',
  'ya que se trata de una demanda histórica del barrio',
  'porque el expediente llega incompleto',
  'puesto que cumple con la normativa vigente',
  'porque se ha negociado con todos los colectivos afectados',
  'ya que la empresa no ha cumplido los plazos',
  'porque supone una subida de impuestos encubierta',
  'ya que mejora la calidad de vida de los mayores',
  'porque beneficia a los pequeños comercios',
  'dado que el informe técnico plantea dudas',
  'porque es una cuestión de justicia social',
];
const NOUNS_COUNT: readonly { noun: string; feminine: boolean }[] = [
  { noun: 'viviendas', feminine: true },
  { noun: 'plazas', feminine: true },
  { noun: 'familias', feminine: true },
  { noun: 'vecinos', feminine: false },
  { noun: 'contratos', feminine: false },
  { noun: 'árboles', feminine: false },
  { noun: 'farolas', feminine: true },
  { noun: 'trabajadores', feminine: false },
  { noun: 'solicitudes', feminine: true },
  { noun: 'alumnos', feminine: false },
  { noun: 'empresas', feminine: true },
  { noun: 'personas', feminine: true },
  { noun: 'puestos de trabajo', feminine: false },
  { noun: 'alegaciones', feminine: true },
  { noun: 'bancos', feminine: false },
  { noun: 'contenedores', feminine: false },
  { noun: 'licencias', feminine: true },
  { noun: 'metros de acera', feminine: false },
];
const MONTHS = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];

function numberPiece(
  rng: Rng,
  value: number,
  gender: 'cardinal' | 'masculine' | 'feminine',
  wordsShare: number,
): Piece {
  const spoken = numberToSpanishWords(value, { gender }).split(' ');
  const digits = value >= 10_000 ? value.toLocaleString('de-DE') : String(value);
  if (rng.chance(wordsShare)) return { written: spoken.join(' '), spoken, asrDigits: digits };
  return { written: digits, spoken, asrDigits: digits };
}

/** Splits a multi-word written piece into one piece per written word, keeping the digits on the first. */
function flatten(piece: Piece): Piece[] {
  const written = piece.written.split(' ');
  if (written.length === 1) return [piece];
  return written.map((w, k) => ({
    written: w,
    spoken: k === written.length - 1 ? piece.spoken.slice(written.length - 1) : [piece.spoken[k] ?? ''],
    ...(piece.asrDigits !== undefined && k === 0 ? { asrDigits: piece.asrDigits, asrSpan: piece.spoken.length } : {}),
  }));
}

export function amount(rng: Rng): Piece[] {
  const roll = rng.next();
  const value =
    roll < 0.5
      ? rng.int(2, 950) * 1000
      : roll < 0.8
        ? rng.int(11, 999) * 100
        : rng.int(1, 9) * 1_000_000 + rng.int(0, 3) * 500_000;
  const symbol = rng.chance(0.3);
  if (rng.chance(0.08) && value % 1_000_000 !== 0) {
    const cents = rng.int(10, 99);
    const written = `${value.toLocaleString('de-DE')},${cents}`;
    const spoken = [
      ...numberToSpanishWords(value, { gender: 'masculine' }).split(' '),
      'euros',
      'con',
      ...numberToSpanishWords(cents, { gender: 'masculine' }).split(' '),
      'céntimos',
    ];
    return [
      { written, spoken, asrDigits: written },
      { written: symbol ? '€' : 'euros', spoken: [] },
    ];
  }
  const pieces = flatten(numberPiece(rng, value, 'masculine', 0.15));
  if (value % 1_000_000 === 0) pieces.push(...plain('de'));
  return [...pieces, { written: symbol ? '€' : 'euros', spoken: ['euros'] }];
}

export function count(rng: Rng): Piece[] {
  const item = rng.pick(NOUNS_COUNT);
  const value = rng.chance(0.7) ? rng.int(2, 60) : rng.int(61, 1500);
  return [...flatten(numberPiece(rng, value, item.feminine ? 'feminine' : 'masculine', 0.3)), ...plain(item.noun)];
}

export function year(rng: Rng): Piece[] {
  return [numberPiece(rng, rng.int(2015, 2027), 'cardinal', 0)];
}

export function percent(rng: Rng): Piece[] {
  const value = rng.int(2, 60);
  const spoken = [...numberToSpanishWords(value).split(' '), 'por', 'ciento'];
  const style = rng.next();
  if (style < 0.5) return [{ written: `${value}%`, spoken, asrDigits: `${value}%` }];
  if (style < 0.7)
    return [
      { written: String(value), spoken: spoken.slice(0, -2), asrDigits: String(value) },
      { written: '%', spoken: spoken.slice(-2) },
    ];
  return [{ written: String(value), spoken: spoken.slice(0, -2), asrDigits: String(value) }, ...plain('por ciento')];
}

export function date(rng: Rng): Piece[] {
  const day = rng.int(1, 28);
  return [numberPiece(rng, day, 'cardinal', 0.1), ...plain(`de ${rng.pick(MONTHS)} de`), ...year(rng)];
}

export function ordinalQuarter(rng: Rng): Piece[] {
  const n = rng.int(1, 4);
  const words = ['primer', 'segundo', 'tercer', 'cuarto'][n - 1] ?? 'cuarto';
  const written = rng.chance(0.5) ? words : n === 1 || n === 3 ? `${n}.er` : `${n}.º`;
  return [{ written, spoken: [words] }, ...plain('trimestre')];
}

export function place(rng: Rng): Piece[] {
  return plain(`${rng.pick(PLACE_KINDS)} ${rng.pick(PLACE_NAMES)}`);
}

export function person(rng: Rng): Piece[] {
  const feminine = rng.chance(0.5);
  const surname = rng.pick(SURNAMES);
  if (rng.chance(0.3)) {
    const first = rng.pick(feminine ? FIRST_NAMES_F : FIRST_NAMES_M);
    return [
      { written: feminine ? 'Dña.' : 'D.', spoken: [feminine ? 'doña' : 'don'] },
      ...plain(`${first} ${surname}`),
    ];
  }
  return [{ written: feminine ? 'Sra.' : 'Sr.', spoken: [feminine ? 'señora' : 'señor'] }, ...plain(surname)];
}

const SLOTS: Record<string, (rng: Rng) => Piece[]> = {
  place,
  person,
  amount,
  count,
  year,
  percent,
  date,
  quarter: ordinalQuarter,
  service: (rng) => plain(rng.pick(SERVICES)),
  topic: (rng) => plain(rng.pick(TOPICS)),
  verb: (rng) => plain(rng.pick(VERBS)),
  reason: (rng) => plain(rng.pick(REASONS)),
  months: (rng) => [...flatten(numberPiece(rng, rng.int(2, 18), 'masculine', 0.5)), ...plain('meses')],
  vote: (rng) => plain(rng.pick(['a favor', 'en contra', 'a favor', 'la abstención'])),
};

/** Sentences a councillor says (and a verbatim acta records). */
export const INTERVENTION_TEMPLATES = [
  'Queremos agradecer a los técnicos municipales el trabajo realizado con {topic}.',
  'Nuestro grupo va a votar {vote} de esta propuesta {reason}.',
  'El importe total asciende a {amount}, con cargo al presupuesto de {year}.',
  'En {place} hay {count} que siguen esperando una solución.',
  'Le pedimos al equipo de gobierno que se comprometa a {verb} {service} en un plazo de {months}.',
  'Desde el año {year}, el coste de {service} ha aumentado un {percent}.',
  'No es la primera vez que traemos a este pleno {topic}.',
  'Los vecinos de {place} nos han trasladado su preocupación por el estado de {service}.',
  'Durante el periodo de información pública se presentaron {count}.',
  'La empresa adjudicataria tendrá que {verb} {service} antes del {date}.',
  'Esta medida supone un ahorro de {amount} al año para las arcas municipales.',
  'Votaremos {vote}, pero exigimos que se vuelva a {verb} {service}.',
  'Como ya dijo {person} en la comisión informativa, el expediente no está completo.',
  'En el {quarter} del año pasado solo se ejecutó el {percent} de lo previsto.',
  'Recuerdo que en {year} este mismo equipo de gobierno prometió {verb} {place}.',
  'La propuesta que hoy se trae a pleno afecta directamente a {count}.',
  'Según los datos de la propia concejalía, {service} atiende a {count}.',
  'Hemos pedido en varias ocasiones el informe jurídico sobre {topic} y seguimos sin recibirlo.',
  'Es una inversión de {amount} que llega tarde y mal.',
  'Por eso presentamos una enmienda para {verb} {service} en {place}.',
  'Quiero recordar que el pasado {date} se firmó el acta de replanteo de la obra.',
  'Si de verdad quieren {verb} {service}, tienen nuestro apoyo.',
  'La subida prevista es de un {percent} para las familias de {place}.',
  'Lamentamos que no se haya convocado la mesa de trabajo sobre {topic}.',
  'El plazo de ejecución es de {months} desde la firma del contrato.',
  'Estamos hablando de {count} en {place} que no tienen acceso a {service}.',
  'Agradezco a {person} su disposición para llegar a un acuerdo.',
  'La diputación aporta {amount} y el ayuntamiento el resto.',
  'Tenemos que {verb} {service} con criterios de eficiencia y transparencia.',
  'Se trata de {topic}, que lleva paralizado desde {year}.',
  'Hace un año se aprobó por unanimidad {verb} {place} y todavía no se ha hecho nada.',
  'Nuestra posición es clara: {service} tiene que ser público y de calidad.',
  'Los datos son tozudos y el gasto en {service} ha crecido un {percent} desde {year}.',
  'Le pregunto al concejal responsable cuándo se va a {verb} {place}.',
  'Con esta modificación se podrán contratar {count} para {service}.',
  'El informe de la secretaría advierte de que {topic} debe tramitarse de nuevo.',
  'Apoyaremos la propuesta {reason}.',
  'Nos abstendremos {reason}.',
  'La obra de {place} costará {amount} y durará {months}.',
  'Pedimos que {service} amplíe su horario durante el {quarter}.',
];

/** Sentences of the secretary reading a proposal (kind `reading`, verbatim): very formulaic on purpose. */
export const READING_TEMPLATES = [
  'PRIMERO.- Aprobar inicialmente {topic}, con un presupuesto de {amount}.',
  'SEGUNDO.- Someter el expediente a información pública por plazo de treinta días hábiles, mediante anuncio en el Boletín Oficial de la Provincia.',
  'TERCERO.- Facultar al Sr. Alcalde para la firma de cuantos documentos sean necesarios para la ejecución del presente acuerdo.',
  'CUARTO.- Dar traslado del presente acuerdo a los servicios municipales de {service}.',
];

/** What a councillor's summarised intervention looks like in the acta (kind `intervention`, verbatim false). */
export const SUMMARY_TEMPLATES = [
  'El {speaker} interviene para manifestar que su grupo votará {vote} {reason}.',
  'El {speaker} señala que {service} necesita más recursos y pide que se estudie {topic}.',
  'Toma la palabra el {speaker}, quien critica la gestión del equipo de gobierno en {place}.',
  'El {speaker} explica las líneas generales de la propuesta y responde a las cuestiones planteadas.',
  'El {speaker} muestra su conformidad con el dictamen y anuncia el voto {vote} de su grupo.',
  'Interviene el {speaker} para solicitar que conste en acta su desacuerdo con {topic}.',
];

/** Things said in the room that no acta records. */
export const CHATTER = [
  'Gracias.',
  'Muchas gracias.',
  'Muchas gracias, señor alcalde.',
  'Tiene la palabra el portavoz del grupo.',
  'Silencio, por favor.',
  '¿Se me oye bien?',
  'Un momento, que no funciona el micrófono.',
  'Bien, seguimos.',
  'Vamos a ir terminando.',
  'Le queda un minuto.',
  'Por favor, respeten el turno de palabra.',
  'Sí, sí, adelante.',
  'Perdón, continúo.',
  'Bueno, a ver.',
  'Pasamos al siguiente punto del orden del día.',
  'Gracias, gracias.',
  'Votos a favor.',
  'Votos en contra.',
  'Abstenciones.',
  'Queda aprobado.',
  'Queda aprobado por unanimidad.',
];

/** Words a speaker adds that the secretary leaves out of a verbatim acta. */
export const FILLERS = ['pues', 'bueno', 'eh', 'o sea', 'vamos', 'digamos', 'es decir', 'bien'];

/**
 * Real words a speaker says mid-sentence that a "verbatim" acta still leaves out (the issue-16 pattern: a year, a
 * courtesy to the chair, an adjective, an adverb): the label then misses speech.
 */
export const OMITTED_PHRASES = [
  'técnicos',
  'municipales',
  'gracias señor alcalde',
  'dos mil veintitrés',
  'también',
  'de nuevo',
  'una vez más',
  'en concreto',
  'sinceramente',
  'todos los vecinos',
  'realmente',
  'como saben',
  'ahora mismo',
  'evidentemente',
  'de estabilidad',
  'este año',
];

/** Words a secretary adds to a verbatim acta that nobody said ("el citado informe"). */
export const ACTA_ADDITIONS = ['citado', 'referido', 'mencionado', 'presente', 'actual', 'propio', 'nuevo'];

/** What another person says when cutting into an intervention (no acta records it). */
export const INTERJECTIONS = [
  'Muy bien.',
  'Sí.',
  'Eso no es así.',
  'Gracias.',
  'Vaya terminando, por favor.',
  'Claro.',
  'Exacto.',
  'No, no.',
  'Le queda un minuto.',
  '¿Cuánto ha dicho?',
];

/** Expands `{slot}`s of a template; `extra` fills template-specific slots ("{speaker}"). */
export function fillTemplate(rng: Rng, template: string, extra: Record<string, Piece[]> = {}): Piece[] {
  const out: Piece[] = [];
  const parts = template.split(/(\{[a-z]+\})/u);
  let glue = '';
  for (const part of parts) {
    const slot = /^\{([a-z]+)\}$/u.exec(part);
    if (slot !== null) {
      const name = slot[1] ?? '';
      const filler = extra[name] ?? SLOTS[name]?.(rng);
      if (filler === undefined) throw new Error(`Unknown slot ${name}`);
      out.push(...filler.map((p) => ({ ...p })));
      continue;
    }
    // Punctuation glued to the previous piece (",", ".", ":").
    const leading = /^[,.;:]+/u.exec(part)?.[0] ?? '';
    const last = out[out.length - 1];
    if (leading !== '' && last !== undefined) last.written += leading;
    glue = part.slice(leading.length);
    out.push(...plain(glue));
  }
  return out;
}
