const t0 = performance.now();
const c0 = process.cpuUsage();
const lap = (label) => {
  const c = process.cpuUsage(c0);
  console.log(
    label.padEnd(12),
    (performance.now() - t0).toFixed(0).padStart(6),
    'ms wall',
    ((c.user + c.system) / 1000).toFixed(0).padStart(6),
    'ms cpu',
    (process.memoryUsage().rss / 1048576).toFixed(0),
    'MB',
  );
};
const { readFileSync, writeFileSync } = await import('node:fs');
lap('start');
const cc = await import('@astra/core-client');
lap('core-client');
const al = await import('@astra/aligner');
lap('aligner');
const dir = process.argv[2];
const acta = JSON.parse(readFileSync(dir + '/acta.json', 'utf8'));
const raw = JSON.parse(readFileSync(dir + '/transcript.json', 'utf8'));
lap('json');
const { transcript } = cc.validateTranscript(raw);
lap('validate');
const r = al.alignSession(transcript, acta);
lap('align');
const ctx = { audioFilepath: 'x', tenantId: 't', sessionId: 's', sourceUrl: '', lang: 'es' };
writeFileSync('/tmp/alw/out.jsonl', al.formatJsonl(r.kept.map((s) => al.toManifestLine(s, ctx))));
lap('write');
console.log('peak', process.resourceUsage().maxRSS / 1024);
