// Checks reports/run-summary.json after a CI run of the study.
// Usage: node check-summary.mjs <run-summary.json> (--all-stages-ran | --all-stages-up-to-date)
import { readFileSync } from 'node:fs';

const [file, expectation] = process.argv.slice(2);
const expected = { '--all-stages-ran': 'ran', '--all-stages-up-to-date': 'up-to-date' }[expectation];
if (!file || !expected) {
  console.error('usage: node check-summary.mjs <run-summary.json> (--all-stages-ran | --all-stages-up-to-date)');
  process.exit(2);
}

const summary = JSON.parse(readFileSync(file, 'utf8'));
const problems = [];
if (summary.succeeded !== true) problems.push('the run did not succeed');
if (!Array.isArray(summary.stages) || summary.stages.length === 0) problems.push('no stage outcome recorded');
for (const stage of summary.stages ?? []) {
  if (stage.status !== expected) problems.push(`stage ${stage.name} is '${stage.status}', expected '${expected}' (${stage.reason})`);
  if (typeof stage.seconds !== 'number') problems.push(`stage ${stage.name} has no duration`);
}
const ari = summary.metrics?.['text.tfidf.ari'];
if (typeof ari !== 'number' || ari < -1 || ari > 1) problems.push(`metrics['text.tfidf.ari'] is ${ari}`);

for (const stage of summary.stages ?? []) console.log(`  ${stage.name.padEnd(16)} ${stage.status.padEnd(11)} ${stage.seconds.toFixed(2)} s`);
console.log(`  text TF-IDF ARI: ${ari}`);
if (problems.length > 0) {
  console.error(`run summary check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
