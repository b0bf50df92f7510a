import { stringEditDistance, editDistance } from '../../../../libs/aligner/src/compute-error-rates';
let seed = 1; const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const alpha = 'abcde ';
for (let t = 0; t < 3000; t++) {
  const len1 = Math.floor(rnd() * 120), len2 = Math.floor(rnd() * 120);
  const a = Array.from({ length: len1 }, () => alpha[Math.floor(rnd() * alpha.length)]).join('');
  const b = Array.from({ length: len2 }, () => alpha[Math.floor(rnd() * alpha.length)]).join('');
  const x = stringEditDistance(a, b), y = editDistance(a, b);
  if (x !== y) { console.log('MISMATCH', JSON.stringify(a), JSON.stringify(b), x, y); process.exit(1); }
}
console.log('ok');
