/**
 * Abbreviations and symbols of Spanish minutes, expanded to what is said. Keys are lower case; `WITH_DOT` keys end
 * with the dot that belongs to the abbreviation (so it does not end a sentence), `BARE` keys are complete as
 * written ("nº", "Dª", "c/"). "D." (don) is special-cased by the tokenizer: only before a capitalised word.
 */
export const ABBREVIATIONS_WITH_DOT: ReadonlyMap<string, string> = new Map([
  ['sr.', 'señor'],
  ['sra.', 'señora'],
  ['sres.', 'señores'],
  ['srs.', 'señores'],
  ['sras.', 'señoras'],
  ['srta.', 'señorita'],
  ['d.', 'don'],
  ['dña.', 'doña'],
  ['dr.', 'doctor'],
  ['dra.', 'doctora'],
  ['excmo.', 'excelentísimo'],
  ['excma.', 'excelentísima'],
  ['excmos.', 'excelentísimos'],
  ['ilmo.', 'ilustrísimo'],
  ['ilma.', 'ilustrísima'],
  ['ilmos.', 'ilustrísimos'],
  ['núm.', 'número'],
  ['num.', 'número'],
  ['núms.', 'números'],
  ['nro.', 'número'],
  ['art.', 'artículo'],
  ['arts.', 'artículos'],
  ['apdo.', 'apartado'],
  ['cap.', 'capítulo'],
  ['etc.', 'etcétera'],
  ['pág.', 'página'],
  ['págs.', 'páginas'],
  ['aprox.', 'aproximadamente'],
  ['ud.', 'usted'],
  ['uds.', 'ustedes'],
  ['vd.', 'usted'],
  ['vds.', 'ustedes'],
  ['avda.', 'avenida'],
  ['av.', 'avenida'],
  ['pza.', 'plaza'],
  ['ctra.', 'carretera'],
  ['ptas.', 'pesetas'],
  ['pts.', 'pesetas'],
  ['tel.', 'teléfono'],
  ['tfno.', 'teléfono'],
  ['admón.', 'administración'],
  ['gral.', 'general'],
  ['dpto.', 'departamento'],
  ['prof.', 'profesor'],
  ['profa.', 'profesora'],
  ['sto.', 'santo'],
  ['sta.', 'santa'],
  ['ee.uu.', 'estados unidos'],
  ['p.ej.', 'por ejemplo'],
]);

export const ABBREVIATIONS_BARE: ReadonlyMap<string, string> = new Map([
  ['sr', 'señor'],
  ['sra', 'señora'],
  ['dña', 'doña'],
  ['dª', 'doña'],
  ['d.ª', 'doña'],
  ['nº', 'número'],
  ['n.º', 'número'],
  ['n°', 'número'],
  ['nºs', 'números'],
  ['excmo', 'excelentísimo'],
  ['excma', 'excelentísima'],
  ['c/', 'calle'],
  ['km', 'kilómetros'],
  ['kg', 'kilogramos'],
  ['m²', 'metros cuadrados'],
  ['m2', 'metros cuadrados'],
  ['m³', 'metros cúbicos'],
  ['m3', 'metros cúbicos'],
]);

/** Symbols that stand alone or trail a number ("25.000 €", "15%"). */
export const SYMBOL_WORDS: ReadonlyMap<string, { one: string; many: string }> = new Map([
  ['€', { one: 'euro', many: 'euros' }],
  ['%', { one: 'por ciento', many: 'por ciento' }],
  ['$', { one: 'dólar', many: 'dólares' }],
  ['&', { one: 'y', many: 'y' }],
  ['+', { one: 'más', many: 'más' }],
]);

export const MONTHS: readonly string[] = [
  'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre',
  'diciembre',
];

/** Words after which a number is read as a bare cardinal ("el 1 de enero", "1 y 2"). */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'de', 'del', 'y', 'e', 'o', 'u', 'a', 'al', 'en', 'por', 'para', 'con', 'sin', 'que', 'la', 'el', 'los', 'las',
  'lo', 'se', 'su', 'sus', 'es', 'son', 'fue', 'ha', 'han', 'más', 'menos', 'entre', 'sobre', 'hasta', 'desde',
  'contra', 'según', 'como', 'pero', 'ni', 'si', 'no', 'sí', 'ya', 'muy',
]);

/** Masculine nouns ending in -a (the "feminine ending" rule would get them wrong). */
export const MASCULINE_A_NOUNS: ReadonlySet<string> = new Set([
  'día', 'días', 'problema', 'problemas', 'programa', 'programas', 'tema', 'temas', 'sistema', 'sistemas', 'mapa',
  'mapas', 'clima', 'idioma', 'idiomas', 'planeta', 'planetas', 'esquema', 'esquemas', 'dilema', 'dilemas',
  'poema', 'poemas', 'drama', 'dramas', 'lema', 'lemas', 'sofá', 'papá', 'tranvía', 'tranvías', 'mediodía',
]);
