import {
  announcesResolution,
  classifyParagraph,
  isAttendanceLine,
  isPlainNameList,
  isRollCall,
  type ParagraphCue,
} from './classify-paragraph';
import { cleanLabelText } from '../text/clean-label-text';
import { ActaError } from '../errors';
import type { Acta, Fragment, FragmentKind } from '@astra/contracts';
import {
  isNameList,
  parseDialogueLine,
  parseSpeechFormula,
  type DialogueLine,
  type SpeechFormula,
} from '../speakers/parse-speech-formula';
import { foldSpanish } from '../text/parse-spanish-number';
import { findSpeakerReferences, titleCase, type SpeakerReference } from '../speakers/find-speaker';
import { planAgenda, type AgendaPlan } from '../agenda/plan-agenda';
import { readActaMeta } from '../meta/read-acta-meta';
import type { Block } from '../layout/block';
import { splitQuotes, type OpenQuote, type QuotePiece } from '../verbatim/split-quotes';
import {
  introducesDocument,
  isLiteralMarker,
  isReadAloud,
  isReportedSpeech,
  opensDocument,
} from '../verbatim/quoted-document';
import { containsPersonalData } from '../personal-data/find-personal-data';
import { readStenographicNote, type StenographicNote } from './read-stenographic-note';
import { readAttendance, addPerson, type Attendee } from '../speakers/read-attendance';
import { genderOfHonorific, splitHonorific } from '../speakers/honorifics';
import { isSingleHolderOffice, resolveSpeaker } from '../speakers/resolve-speaker';

/**
 * Who is speaking, reading aloud, or (kind `document`) which quoted document is being copied into the acta:
 * a document's text is never speech. `literal`: the acta says it copies the speech word for word.
 */
type SpeechContext = {
  speaker?: string;
  role?: string;
  kind: 'intervention' | 'reading' | 'document';
  literal?: boolean;
  reported?: boolean;
};
const DOCUMENT: SpeechContext = { kind: 'document' };
const VOTE_START = /^\s*(?:sometid[oa]s?|se\s+somete|votaci[oó]n|votos?\b|resultado\s+de\s+la\s+votaci[oó]n)/iu;

const MIN_QUOTED_WORDS = 4;
const CONTINUES_SPEAKER =
  /^[\s,.;]*(?:y\s+)?(?:a[nñ]ade|contin[uú]a|concluye|finaliza|termina|agrega|insiste|se[nñ]ala|recuerda|manifiesta|dice|indica|explica|pregunta|responde|aclara)\b/iu;
const VOTE_TABLE = /\b(?:a favor|en contra|abstenc\w*|abstiene\w*|votos?|votacion|si|no)\b/;

/**
 * The Spanish-minutes model over a document's blocks (pure, deterministic): meta, agenda items, and fragments
 * in document order with kind, item, speaker, role and verbatim flag. Throws ActaError `empty` when the blocks
 * hold no text; a document without recognisable structure gives items [] and fragments of kind `other`.
 */
export function buildActa(blocks: readonly Block[]): Acta {
  if (!blocks.some((block) => block.text !== '')) {
    throw new ActaError('empty', 'the document has no text');
  }
  const plan = planAgenda(blocks);
  const walker = new MinutesWalker(blocks, plan);
  const firstHeading = Math.min(...plan.headings.keys(), blocks.length);
  const fragments = canonicalSpeakers(walker.walk(), attendanceTexts(blocks.slice(0, firstHeading)));
  const preamble = blocks
    .slice(0, firstHeading)
    .filter((block, index) => index !== plan.titleBlock && !plan.listBlocks.has(index) && block.type !== 'table')
    .map((block) => block.text);
  const titleBlock =
    plan.titleBlock === undefined ? blocks.find((block) => block.type !== 'table') : blocks[plan.titleBlock];
  const title = titleBlock?.text ?? '';
  return { meta: readActaMeta(title, preamble), items: plan.items, fragments };
}

class MinutesWalker {
  private readonly fragments: Fragment[] = [];
  private itemIndex = 0;
  private closing = false;
  private inAttendance = false;
  private resolution = false;
  private open: { quote: OpenQuote; context: SpeechContext } | undefined;
  private pending: SpeechContext | undefined;
  private dialogue: SpeechContext | undefined;
  private lastSpeech: SpeechContext | undefined;
  /** The last speaker named by a formula, for "Se copia literalmente." on the next line. */
  private lastFormula: SpeechContext | undefined;

  /** The same text is often looked at several times (quote checks, formulas, cues): each analysis runs once. */
  private readonly references = new Map<string, { value: readonly SpeakerReference[] }>();
  private readonly nameLists = new Map<string, { value: boolean }>();
  private readonly cues = new Map<string, { value: ParagraphCue | undefined }>();
  private readonly formulas = new Map<string, { value: SpeechFormula | undefined }>();
  private readonly dialogueLines = new Map<string, { value: DialogueLine | undefined }>();

  constructor(
    private readonly blocks: readonly Block[],
    private readonly plan: AgendaPlan,
  ) {}

  /** The people and offices a text names, found once per text (every check below starts from them). */
  private referencesOf(text: string): readonly SpeakerReference[] {
    return memo(this.references, text, findSpeakerReferences);
  }

  private isNameList(text: string): boolean {
    return memo(this.nameLists, text, (key) => isNameList(key, this.referencesOf(key)));
  }

  private cue(text: string): ParagraphCue | undefined {
    return memo(this.cues, text, (key) => classifyParagraph(key, this.referencesOf(key)));
  }

  private formula(text: string): SpeechFormula | undefined {
    return memo(this.formulas, text, (key) => parseSpeechFormula(key, this.referencesOf(key)));
  }

  private dialogueLine(text: string): DialogueLine | undefined {
    return memo(this.dialogueLines, text, (key) => parseDialogueLine(key, this.referencesOf(key)));
  }

  walk(): Fragment[] {
    for (let index = 0; index < this.blocks.length; index += 1) {
      const block = this.blocks[index];
      if (!block) continue;
      const heading = this.plan.headings.get(index);
      if (heading) {
        this.itemIndex = heading.index;
        this.closing = false;
        this.inAttendance = false;
        this.resetSpeech();
        const parts = this.blocks.slice(index, index + 1 + heading.titleBlocks).map((part) => part.text);
        this.emit('heading', parts.join(' '), false);
        index += heading.titleBlocks;
      } else if (index === this.plan.titleBlock || this.plan.listBlocks.has(index)) {
        this.emit('heading', block.text, false);
      } else if (block.type === 'note') {
        this.emit('other', block.text, false);
      } else if (block.type === 'table') {
        this.handleTable(block);
      } else if (block.lines.length > 1 && block.lines.slice(1).some((line) => this.dialogueLine(line))) {
        // Dialogue written as manual line breaks inside one paragraph: each line is a paragraph of its own.
        for (const line of block.lines) this.handleParagraph({ ...block, text: line, lines: [line] });
      } else {
        this.handleParagraph(block);
      }
    }
    return this.fragments;
  }

  private handleTable(block: Block): void {
    const resolution = this.resolution;
    this.resetSpeech();
    this.resolution = resolution;
    const cells = block.rows.flat().filter((cell) => cell !== '');
    const folded = foldSpanish(cells.join(' | '));
    if (VOTE_TABLE.test(folded) && /\d|\bx\b/.test(folded)) {
      this.emit('other', block.text, false);
      return;
    }
    const names = cells.filter(
      (cell) =>
        isAttendanceLine(cell, this.referencesOf(cell)) ||
        this.isNameList(cell) ||
        (cell.length < 80 && isPlainNameList(cell)),
    ).length;
    if (this.itemIndex === 0 && !this.closing && (this.inAttendance || names >= Math.max(1, cells.length * 0.4))) {
      this.inAttendance = true;
      this.emit('attendance', block.text, false);
      return;
    }
    this.emit('other', block.text, false);
  }

  private handleParagraph(block: Block): void {
    const text = block.text;
    if (text === '') return;
    if (this.closing) {
      this.emit('other', text, false);
      return;
    }
    if (this.itemIndex === 0) {
      const attendance =
        isAttendanceLine(text, this.referencesOf(text)) ||
        (this.inAttendance &&
          (block.type === 'list-item' || (text.length < 200 && (isPlainNameList(text) || this.isNameList(text)))));
      this.inAttendance = attendance;
      if (attendance) {
        this.emit('attendance', text, false);
        return;
      }
    }
    if (block.type === 'heading') {
      this.resetSpeech();
      this.emit(this.cue(text) === 'attendance' ? 'attendance' : 'heading', text, false);
      return;
    }
    if (
      text.length < 300 &&
      (this.isNameList(text) || isPersonLine(text)) &&
      !this.formula(text)?.speaker &&
      !this.dialogueLine(text) &&
      !readStenographicNote(text, block.allItalic)
    ) {
      // A list of people inside an item (a board drawn, polling-station members): never speech.
      this.emit('other', text, false);
      return;
    }
    if (this.open) {
      const open = this.open;
      this.open = undefined;
      if (this.continuesQuote(text, open.quote)) {
        const split = splitQuotes(text, open.quote);
        this.handlePieces(split.pieces, split.open, open.context);
        return;
      }
    }
    const dialogue = this.dialogueLine(text);
    if (dialogue) {
      this.resetSpeech();
      const context: SpeechContext = { speaker: dialogue.speaker, kind: 'intervention', ...role(dialogue.role) };
      this.emit('intervention', dialogue.speech, true, context);
      const split = splitQuotes(dialogue.speech);
      if (split.open && split.pieces.length === 1) this.open = { quote: split.open, context };
      this.dialogue = context;
      this.lastSpeech = context;
      return;
    }
    const note = readStenographicNote(text, block.allItalic);
    if (note) {
      this.handleNote(text, note);
      return;
    }
    if (block.allBold && this.dialogue && !this.pending && isHeadingLike(text) && !this.formula(text)?.speaker) {
      // A bold heading ("EXPEDIENTE 123-HCD-2024. PROYECTO DE ORDENANZA…") ends whoever was speaking.
      this.resetSpeech();
      this.emit('heading', text, false);
      return;
    }
    const split = splitQuotes(text);
    if (isStructuredQuotation(split.pieces) || this.isQuoteAfterComma(split.pieces)) {
      this.handlePieces(split.pieces, split.open, this.pending ?? this.lastSpeech ?? this.dialogue);
      return;
    }
    this.handleNarrative(text);
  }

  /**
   * A stenographer's note is never speech: a vote, the session closed, or procedure. After the room's reaction
   * ("(Aplausos)") the speaker goes on; after anything else the next speech names its speaker again.
   */
  private handleNote(written: string, note: StenographicNote): void {
    const text = written.replace(/^\s*[-–—]\s*/u, '');
    const cue = this.cue(text);
    if (!note.reaction || cue !== undefined) this.resetSpeech();
    if (cue === 'vote') {
      this.emit('vote', text, false);
      this.resolution = announcesResolution(text);
      return;
    }
    this.emit('procedural', text, false);
    if (cue === 'closing') this.closing = true;
  }

  /** Quoted runs are the speech of the speaker named in the run before them (or of `fallback`). */
  private handlePieces(
    pieces: readonly QuotePiece[],
    open: OpenQuote | undefined,
    fallback: SpeechContext | undefined,
  ): void {
    this.pending = undefined;
    this.dialogue = undefined;
    this.resolution = false;
    let context: SpeechContext | undefined;
    pieces.forEach((piece, position) => {
      const text = piece.text.trim();
      if (piece.quoted) {
        const intro = position > 0 ? (pieces[position - 1]?.text ?? '') : '';
        const named = context ?? (position === 0 ? fallback : undefined);
        const document =
          named?.kind === 'document' ||
          opensDocument(text) ||
          (!named?.speaker && (intro === '' || introducesDocument(intro)) && named?.kind !== 'reading') ||
          (named?.kind === 'reading' && !named.literal && intro !== '' && !isReadAloud(intro));
        const speech = document ? DOCUMENT : (named ?? DOCUMENT);
        this.emit(speech.kind, text, true, speech);
        this.lastSpeech = speech;
        if (position === pieces.length - 1 && open) this.open = { quote: open, context: speech };
        return;
      }
      if (!/[\p{L}\p{N}]/u.test(text)) return; // the "." after a closing quote
      if (position === pieces.length - 1 && position > 0) {
        this.handleTrailing(text, context ?? fallback);
        return;
      }
      const formula = this.formula(text);
      if (formula) {
        context = contextOf(formula);
        this.emitFormula(text, formula);
      } else if (/[:,]\s*$/u.test(text) && (context ?? fallback)) {
        context = context ?? fallback;
        this.emit('other', text, false, context);
      } else {
        context = undefined;
        this.handleNarrative(text);
      }
    });
  }

  /** "El Sr. X manifiesta, «…»": quoted speech opening after a comma, when the words before name who speaks. */
  private isQuoteAfterComma(pieces: readonly QuotePiece[]): boolean {
    const [intro, quote] = pieces;
    if (!intro || !quote || intro.quoted || !quote.quoted || !/,\s*$/u.test(intro.text)) return false;
    if (quote.text.trim().split(/\s+/).length < MIN_QUOTED_WORDS) return false;
    return this.formula(intro.text.replace(/,\s*$/u, ':'))?.speaker !== undefined;
  }

  /** Narrative after the last quotation of a paragraph: "…», concluye el Sr. X." or "y añade que…". */
  private handleTrailing(text: string, context: SpeechContext | undefined): void {
    const formula = this.formula(text);
    if (formula?.speaker) {
      this.emitFormula(text, formula);
    } else if (context && CONTINUES_SPEAKER.test(text)) {
      this.emit(context.kind, text, false, context);
    } else {
      this.handleNarrative(text);
    }
  }

  private handleNarrative(text: string): void {
    const cue = this.cue(text);
    if (cue === 'opening' || cue === 'closing') {
      this.resetSpeech();
      this.emit('procedural', text, false);
      if (cue === 'closing') this.closing = true;
      return;
    }
    if (cue === 'signature') {
      this.resetSpeech();
      this.emit('other', text, false);
      return;
    }
    if (isLiteralMarker(text)) {
      // "Se copia literalmente.": what follows is the last speaker's own words (or a document's, with none).
      const speaker = this.pending ?? this.lastSpeech ?? this.lastFormula;
      this.emit('other', text, false, speaker);
      this.pending = speaker?.speaker ? { ...speaker, literal: true } : DOCUMENT;
      return;
    }
    if (this.pending?.kind !== 'reading' && opensDocument(text)) {
      this.resetSpeech();
      this.emit('other', text, false);
      this.pending = DOCUMENT;
      return;
    }
    const formula = this.formula(text);
    if (formula?.introducesSpeech && announcesResolution(text)) {
      // "…se propone por la Alcaldía el siguiente ACUERDO:" — resolution points follow, not speech.
      this.resetSpeech();
      this.emitFormula(text, formula);
      this.resolution = true;
      return;
    }
    if (formula?.introducesSpeech) {
      this.resetSpeech();
      this.emitFormula(text, formula);
      // "Se da cuenta del informe…:" copies a document; "da lectura a…:" reads it aloud.
      this.pending = formula.kind === 'reading' && !isReadAloud(text) ? DOCUMENT : contextOf(formula);
      return;
    }
    if (!formula && /:\s*$/u.test(text) && !announcesResolution(text) && introducesDocument(text) && !cue) {
      this.resetSpeech();
      this.emit('other', text, false);
      this.pending = DOCUMENT;
      return;
    }
    const continuing = this.pending ?? this.dialogue;
    if (continuing && !formula && !breaksContext(cue, text, continuing)) {
      if (continuing.kind === 'document') {
        this.emit('other', text, false);
        return;
      }
      // Once the acta reports ("1ª) Que, …"), what follows in the same turn is reported too.
      if (!continuing.literal && isReportedSpeech(text)) continuing.reported = true;
      const verbatim = continuing.literal === true || continuing.reported !== true;
      this.emit(continuing.kind, text, verbatim, continuing);
      this.lastSpeech = continuing;
      return;
    }
    if (formula && !(cue === 'procedural' && isRollCall(text))) {
      this.resetSpeech();
      this.emitFormula(text, formula);
      return;
    }
    this.handleCue(text, cue);
  }

  private handleCue(text: string, cue: ParagraphCue | undefined): void {
    if (cue === 'vote') {
      this.resetSpeech();
      this.emit('vote', text, false);
      this.resolution = announcesResolution(text);
      return;
    }
    if (cue === 'procedural') {
      this.resetSpeech();
      this.emit('procedural', text, false);
      return;
    }
    if (cue === 'attendance') {
      this.emit('attendance', text, false);
      return;
    }
    if (cue !== undefined) {
      this.resetSpeech();
      this.emit('other', text, false);
      return;
    }
    if (this.resolution || announcesResolution(text)) {
      this.resolution = true;
      this.emit('reading', text, false);
      return;
    }
    this.emit('other', text, false);
  }

  /**
   * A formula is a reading (its text, non-verbatim), a summary of what someone said (intervention,
   * non-verbatim), or only the words that introduce someone's speech (never spoken: kind `other`).
   */
  private emitFormula(text: string, formula: SpeechFormula): void {
    const context = contextOf(formula);
    if (context.speaker) this.lastFormula = context;
    if (formula.kind === 'reading' && isReadAloud(text) && /\bsiguientes?\b/iu.test(text)) this.pending = context;
    if (formula.kind === 'reading') this.emit('reading', text, false, context);
    else if (formula.formulaOnly) this.emit('other', text, false, context);
    else this.emit('intervention', text, false, context);
  }

  /** An open quotation goes on unless the paragraph plainly starts something new (and does not close it). */
  private continuesQuote(text: string, quote: OpenQuote): boolean {
    const colon = text.search(/:\s*(?:[«“"]|$)/u);
    const beforeColon = colon === -1 ? '' : text.slice(0, colon + 1);
    if (colon !== -1 && colon < 300 && !/[«»“”"]/u.test(beforeColon) && this.formula(beforeColon)?.speaker)
      return false;
    if (text.includes(quote.closer)) return true;
    if (this.dialogueLine(text)) return false;
    const cue = this.cue(text);
    return !(cue === 'opening' || cue === 'closing' || cue === 'signature');
  }

  private resetSpeech(): void {
    this.open = undefined;
    this.pending = undefined;
    this.dialogue = undefined;
    this.lastSpeech = undefined;
    this.lastFormula = undefined;
    this.resolution = false;
  }

  private emit(
    written: FragmentKind | 'document',
    raw: string,
    writtenVerbatim: boolean,
    writtenContext?: SpeechContext,
  ): void {
    const text = cleanLabelText(raw);
    if (text === '') return;
    // A quoted document is copied into the acta, not said: never a label, never verbatim speech.
    let kind: FragmentKind = written === 'document' ? 'other' : written;
    let verbatim = written === 'document' ? false : writtenVerbatim;
    const context = writtenContext?.kind === 'document' ? undefined : writtenContext;
    if (kind !== 'other' && kind !== 'heading' && kind !== 'attendance' && containsPersonalData(text)) {
      // Personal data is never a label, whoever says it (docs/architecture.md §5).
      kind = 'other';
      verbatim = false;
    }
    this.fragments.push({
      id: `f${this.fragments.length + 1}`,
      itemIndex: this.itemIndex,
      ...(context?.speaker ? { speaker: context.speaker } : {}),
      ...(context?.role ? { role: context.role } : {}),
      kind,
      verbatim,
      text,
    });
  }
}

/** Quotations are speech when each follows a colon, or opens the paragraph and is more than a word or two. */
function isStructuredQuotation(pieces: readonly QuotePiece[]): boolean {
  if (!pieces.some((piece) => piece.quoted)) return false;
  return pieces.every((piece, position) => {
    if (!piece.quoted) return true;
    const previous = pieces[position - 1];
    if (previous && !previous.quoted) return /:\s*$/u.test(previous.text);
    const words = piece.text.trim().split(/\s+/).length;
    return words >= MIN_QUOTED_WORDS || pieces.length === 1;
  });
}

/** Set like a heading: short, and in capitals or without the punctuation that ends a sentence. */
function isHeadingLike(text: string): boolean {
  if (text.length > 200) return false;
  const letters = text.replace(/[^\p{L}]/gu, '');
  return (letters.length >= 4 && letters === letters.toUpperCase()) || !/[.!?…:;»”"]\s*$/u.test(text);
}

function isStructure(cue: ParagraphCue | undefined): boolean {
  return cue !== undefined;
}

/** A text read aloud may contain "por unanimidad" ("se adopta por unanimidad la siguiente declaración"). */
function breaksContext(cue: ParagraphCue | undefined, text: string, context: SpeechContext): boolean {
  if (!isStructure(cue)) return false;
  if ((context.kind === 'reading' || context.kind === 'document') && cue === 'vote') return VOTE_START.test(text);
  return true;
}

/** "D. JOSÉ MARÍA SÁNCHEZ ADALID, Arquitecto Técnico Municipal, Vocal." — a person and an office, nothing said. */
function isPersonLine(text: string): boolean {
  return (
    /^\s*(?:[-–•▪]\s*)?(?:D\.|Dña\.|Dª|Don|Doña|Sr\.|Sra\.|H\.\s?C\.)\s*[\p{Lu}][\p{L}.' -]+,\s*(?:que\s+actuar[aá]\s+como\s+)?[\p{L} .,()-]{2,120}\.?$/u.test(
      text,
    ) && !/\b(?:manifiesta|dice|indica|explica|pregunta|responde|interviene|señala|expone)\b/iu.test(text)
  );
}

/** The preamble as written (groups in parentheses kept), a table row as "office: names" whichever cell comes first. */
function attendanceTexts(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block) => {
    if (block.type !== 'table') return block.lines.length > 1 ? block.lines : [block.text];
    return block.rows.map((row) => {
      const cells = row.map((cell) => cell.replace(/:\s*$/u, '').trim()).filter((cell) => cell !== '');
      const office = cells.findIndex((cell) => OFFICE_CELL.test(foldSpanish(cell)));
      const [label = '', ...names] =
        office > 0 ? [cells[office] ?? '', ...cells.filter((_, i) => i !== office)] : cells;
      return names.length === 0 ? label : `${label}: ${names.join('; ')}`;
    });
  });
}
const OFFICE_CELL =
  /^(?:alcald|intendent|president|vicepresident|secretari|interventor|tesorer|concejal|regidor|edil|s[ií]ndic|teniente|portavoz|vocal|consejer|concelleir|director|gerente|cargo)/;

/**
 * One person, one name: speakers resolved through the attendance list and the roles the acta gives them. A
 * person named in full in the body but not listed (an invited official) is learnt, so that a later surname
 * alone finds them too; an unresolved full name stands without honorific ("Rodrigo Díaz"), a lone surname keeps
 * it ("Sr. Díaz").
 */
function canonicalSpeakers(fragments: readonly Fragment[], preamble: readonly string[]): Fragment[] {
  const people = readAttendance(preamble);
  const learnt: Attendee[] = [];
  const seen = new Set<string>();
  for (const fragment of fragments) {
    if (!fragment.speaker) continue;
    const key = `${fragment.speaker}\u0000${fragment.role ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const { honorific, name } = splitHonorific(fragment.speaker);
    const canonical = resolveSpeaker(fragment.speaker, undefined, people);
    if (canonical !== fragment.speaker) {
      // Offices held one at a time (the chair) are followed in document order below, not learnt for good.
      if (honorific && fragment.role && !isSingleHolderOffice(fragment.role))
        addPerson(people, canonical, fragment.role);
    } else if (isFullName(name) && (honorific || fragment.role)) {
      addPerson(learnt, titleCase(name), fragment.role, genderOfHonorific(honorific));
    }
  }
  const resolved = new Map<string, string>();
  /** Who was last named holding an office ("Sr. Presidente (Dutra).-"): the chair changes hands. */
  const holders = new Map<string, string>();
  return fragments.map((fragment) => {
    if (!fragment.speaker) return fragment;
    const key = `${fragment.speaker}\u0000${fragment.role ?? ''}`;
    let speaker = resolved.get(key);
    if (speaker === undefined) {
      speaker = resolveSpeaker(fragment.speaker, fragment.role, people);
      if (speaker === fragment.speaker) speaker = resolveSpeaker(fragment.speaker, fragment.role, learnt);
      const { honorific, name } = splitHonorific(speaker);
      if (honorific && isFullName(name)) speaker = name;
      resolved.set(key, speaker);
    }
    const office = fragment.role && isSingleHolderOffice(fragment.role) ? foldSpanish(fragment.role) : undefined;
    if (office !== undefined) {
      const officeOnly = foldSpanish(fragment.speaker) === foldSpanish(fragment.role ?? '');
      if (!officeOnly) holders.set(office, speaker);
      else speaker = holders.get(office) ?? speaker;
    }
    return speaker === fragment.speaker ? fragment : { ...fragment, speaker };
  });
}

/** Two or more capitalised words: a name with given name and surname, or two surnames. */
function isFullName(name: string): boolean {
  return /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:de|del|la|las|los|y)\s+)*\p{Lu}[\p{L}'’.-]*)+$/u.test(name);
}

function contextOf(formula: SpeechFormula): SpeechContext {
  return { kind: formula.kind, ...(formula.speaker ? { speaker: formula.speaker } : {}), ...role(formula.role) };
}

function role(value: string | undefined): { role?: string } {
  return value ? { role: value } : {};
}

function memo<T>(cache: Map<string, { value: T }>, key: string, compute: (key: string) => T): T {
  const hit = cache.get(key);
  if (hit) return hit.value;
  const value = compute(key);
  cache.set(key, { value });
  return value;
}
