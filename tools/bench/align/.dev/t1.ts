import { toSpokenForm, normalizeForMatch } from '@astra/aligner';
for (const t of process.argv.slice(2)) console.log(JSON.stringify(t), '→', toSpokenForm(t), '|', normalizeForMatch(t).join(' '));
