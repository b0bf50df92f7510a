export {
  actaMetaSchema,
  actaSchema,
  agendaItemSchema,
  fragmentKindSchema,
  fragmentSchema,
} from './model';
export type { Acta, ActaMeta, AgendaItem, Fragment, FragmentKind } from './model';
