import { writeFileSync } from 'node:fs';
import { generateSession } from '../generate-session';
const s = generateSession({ seed: 7, profile: (process.argv[2] ?? 'typical') as 'typical', targetWords: Number(process.argv[3] ?? 40000) });
writeFileSync(process.argv[4]!, JSON.stringify({ transcript: s.transcript, acta: s.acta }));
