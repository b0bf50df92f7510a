import { z } from 'zod';

/** What a fragment of the minutes is. Only some kinds are ever spoken aloud (docs/architecture.md §5). */
export const fragmentKindSchema = z.enum([
  'intervention',
  'reading',
  'vote',
  'procedural',
  'heading',
  'attendance',
  'other',
]);
export type FragmentKind = z.infer<typeof fragmentKindSchema>;

export const fragmentSchema = z.object({
  id: z.string().min(1),
  /** Agenda item the fragment belongs to; 0 = before the first item (preamble, attendance). */
  itemIndex: z.number().int().nonnegative(),
  speaker: z.string().min(1).optional(),
  role: z.string().min(1).optional(),
  kind: fragmentKindSchema,
  /** True when the text is likely a literal record of speech, false for summaries and non-spoken parts. */
  verbatim: z.boolean(),
  text: z.string(),
});
export type Fragment = z.infer<typeof fragmentSchema>;

export const agendaItemSchema = z.object({
  index: z.number().int().positive(),
  title: z.string(),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const actaMetaSchema = z.object({
  title: z.string(),
  /** ISO date (YYYY-MM-DD) when one can be read from the document. */
  date: z.string().optional(),
  municipality: z.string().optional(),
  sessionType: z.string().optional(),
});
export type ActaMeta = z.infer<typeof actaMetaSchema>;

export const actaSchema = z.object({
  meta: actaMetaSchema,
  items: z.array(agendaItemSchema),
  fragments: z.array(fragmentSchema),
});
export type Acta = z.infer<typeof actaSchema>;
