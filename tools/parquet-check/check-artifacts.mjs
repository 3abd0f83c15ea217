// Reads the study's Parquet artifacts with DuckDB (an independent reader) and checks their schema and content.
// Usage: node check-artifacts.mjs <data/artifacts> [expected product count]
import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';

const root = process.argv[2];
const productCount = Number(process.argv[3] ?? 1050);
if (!root) {
  console.error('usage: node check-artifacts.mjs <data/artifacts> [expected product count]');
  process.exit(2);
}

// File -> expected DuckDB schema and rows.
const expectations = {
  'download/archive.parquet': { rows: 1, schema: { source: 'VARCHAR', file_name: 'VARCHAR', sha256: 'VARCHAR', bytes: 'BIGINT', is_sample: 'BOOLEAN', files: 'INTEGER' } },
  'ingest/products.parquet': { rows: productCount, schema: { id: 'VARCHAR', name: 'VARCHAR', description: 'VARCHAR', category: 'VARCHAR', category_path: 'VARCHAR', image_path: 'VARCHAR', image_status: 'VARCHAR' } },
  'text/documents.parquet': { rows: productCount, schema: { id: 'VARCHAR', category: 'VARCHAR', tokens: 'VARCHAR', token_count: 'INTEGER' } },
  'text/tfidf.parquet': { rows: productCount, schema: { id: 'VARCHAR', category: 'VARCHAR', features: 'FLOAT[]' } },
  'text/tfidf-vocabulary.parquet': { schema: { term: 'VARCHAR', idf: 'DOUBLE' } },
  'clustering/text-tfidf.parquet': { rows: productCount, schema: { id: 'VARCHAR', category: 'VARCHAR', cluster: 'INTEGER', tsne_x: 'FLOAT', tsne_y: 'FLOAT' } },
  'clustering/text-tfidf-metrics.parquet': { schema: { metric: 'VARCHAR', value: 'DOUBLE' } },
  'text/lsa.parquet': { rows: productCount, schema: { id: 'VARCHAR', category: 'VARCHAR', features: 'FLOAT[]' } },
  'text/nmf.parquet': { rows: productCount, schema: { id: 'VARCHAR', category: 'VARCHAR', features: 'FLOAT[]' } },
  'text/nmf-topics.parquet': { schema: { topic: 'INTEGER', rank: 'INTEGER', term: 'VARCHAR', weight: 'FLOAT' } },
  'clustering/text-lsa.parquet': { rows: productCount, schema: { id: 'VARCHAR', category: 'VARCHAR', cluster: 'INTEGER', tsne_x: 'FLOAT', tsne_y: 'FLOAT' } },
  'clustering/text-nmf.parquet': { rows: productCount, schema: { id: 'VARCHAR', category: 'VARCHAR', cluster: 'INTEGER', tsne_x: 'FLOAT', tsne_y: 'FLOAT' } },
};
const features = { id: 'VARCHAR', category: 'VARCHAR', features: 'FLOAT[]' };
const clusters = { id: 'VARCHAR', category: 'VARCHAR', cluster: 'INTEGER', tsne_x: 'FLOAT', tsne_y: 'FLOAT' };
const metrics = { metric: 'VARCHAR', value: 'DOUBLE' };
for (const method of ['bow', 'lda', 'doc2vec', ...['word2vec', 'fasttext'].flatMap(m => ['mean', 'tfidf', 'sif'].map(p => `${m}-${p}`))]) {
  expectations[`text/${method}.parquet`] = { rows: productCount, schema: features };
  expectations[`clustering/text-${method}.parquet`] = { rows: productCount, schema: clusters };
  expectations[`clustering/text-${method}-metrics.parquet`] = { schema: metrics };
}
Object.assign(expectations, {
  'text/bow-vocabulary.parquet': { schema: { term: 'VARCHAR' } },
  'text/lda-topics.parquet': { schema: { topic: 'INTEGER', rank: 'INTEGER', term: 'VARCHAR', weight: 'FLOAT' } },
  'text/lda-metrics.parquet': { schema: metrics },
  'text/nmf-metrics.parquet': { schema: metrics },
  // No transformer model is configured offline: the table exists, empty, with its schema.
  'text/transformer.parquet': { rows: 0, schema: features },
  'image/index.parquet': { rows: productCount, schema: { id: 'VARCHAR', category: 'VARCHAR', source_sha256: 'VARCHAR', status: 'VARCHAR', reason: 'VARCHAR', width: 'INTEGER', height: 'INTEGER', cache_key: 'VARCHAR', offset: 'BIGINT', length: 'BIGINT' } },
  'image/sift-bovw.parquet': { schema: features },
  'image/colorhist.parquet': { schema: features },
  'image/sift-keypoints.parquet': { schema: { id: 'VARCHAR', x: 'FLOAT', y: 'FLOAT', scale: 'FLOAT', angle: 'FLOAT' } },
  'clustering/image-sift.parquet': { schema: clusters },
  'clustering/image-colorhist.parquet': { schema: clusters },
  'clustering/image-sift-metrics.parquet': { schema: metrics },
  'clustering/image-colorhist-metrics.parquet': { schema: metrics },
  'collect/collected.parquet': { schema: { food_id: 'VARCHAR', label: 'VARCHAR', category: 'VARCHAR', food_contents_label: 'VARCHAR', image: 'VARCHAR', source: 'VARCHAR', licence: 'VARCHAR', image_path: 'VARCHAR', thumbnail_path: 'VARCHAR', thumbnail_width: 'INTEGER', thumbnail_height: 'INTEGER' } },
  'collect/requests.parquet': { rows: 1, schema: { provider: 'VARCHAR', query: 'VARCHAR', status: 'VARCHAR', reason: 'VARCHAR', products: 'INTEGER', pages: 'INTEGER', dropped_off_topic: 'INTEGER', requests: 'INTEGER', cache_hits: 'INTEGER', cache_misses: 'INTEGER', images_downloaded: 'INTEGER', images_failed: 'INTEGER' } },
  'compliance/findings.parquet': { schema: { scan: 'VARCHAR', location: 'VARCHAR', field: 'VARCHAR', kind: 'VARCHAR', masked: 'VARCHAR' } },
  'compliance/licences.parquet': { schema: { component: 'VARCHAR', licence: 'VARCHAR', obligations: 'VARCHAR', source: 'VARCHAR', status: 'VARCHAR', note: 'VARCHAR', must_not_redistribute: 'BOOLEAN', requires_attribution: 'BOOLEAN', copyleft: 'BOOLEAN' } },
});

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const problems = [];
const scalar = async (sql) => Object.values((await connection.runAndReadAll(sql)).getRowObjectsJson()[0])[0];
try {
  for (const [relative, expected] of Object.entries(expectations)) {
    const source = `read_parquet('${join(root, relative).replaceAll("'", "''")}')`;
    const described = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`)).getRowObjectsJS();
    const schema = Object.fromEntries(described.map((row) => [row.column_name, row.column_type]));
    if (JSON.stringify(schema) !== JSON.stringify(expected.schema)) problems.push(`${relative}: schema ${JSON.stringify(schema)}, expected ${JSON.stringify(expected.schema)}`);
    const rows = Number(await scalar(`SELECT count(*) FROM ${source}`));
    if (expected.rows !== undefined && rows !== expected.rows) problems.push(`${relative}: ${rows} rows, expected ${expected.rows}`);
    console.log(`  ${relative.padEnd(40)} ${String(rows).padStart(6)} rows  ${described.map((r) => `${r.column_name}:${r.column_type}`).join(', ')}`);
  }

  const products = `read_parquet('${join(root, 'ingest/products.parquet')}')`;
  const categories = Number(await scalar(`SELECT count(DISTINCT category) FROM ${products}`));
  if (categories !== 7) problems.push(`products: ${categories} categories, expected 7`);
  const features = `read_parquet('${join(root, 'text/tfidf.parquet')}')`;
  const widths = Number(await scalar(`SELECT count(DISTINCT len(features)) FROM ${features}`));
  if (widths !== 1) problems.push(`tfidf: vectors of ${widths} different lengths`);
  const badNorms = Number(await scalar(`SELECT count(*) FROM ${features} WHERE abs(sqrt(list_sum(list_transform(features, x -> x * x))) - 1) > 1e-3 AND list_sum(list_transform(features, x -> x * x)) > 0`));
  if (badNorms !== 0) problems.push(`tfidf: ${badNorms} rows are not L2-normalised`);
  const metrics = `read_parquet('${join(root, 'clustering/text-tfidf-metrics.parquet')}')`;
  const ari = Number(await scalar(`SELECT value FROM ${metrics} WHERE metric = 'ari'`));
  if (!(ari >= -1 && ari <= 1)) problems.push(`metrics: ari = ${ari}`);
  const index = `read_parquet('${join(root, 'image/index.parquet')}')`;
  const usable = Number(await scalar(`SELECT count(*) FROM ${index} WHERE status = 'ok'`));
  for (const table of ['image/sift-bovw.parquet', 'image/colorhist.parquet', 'clustering/image-sift.parquet']) {
    const rows = Number(await scalar(`SELECT count(*) FROM read_parquet('${join(root, table)}')`));
    if (rows !== usable) problems.push(`${table}: ${rows} rows, but the image index has ${usable} usable photos`);
  }
  console.log(`  categories: ${categories}; usable photos: ${usable}; TF-IDF ARI read back by DuckDB: ${ari}`);
} finally {
  connection.closeSync();
  instance.closeSync();
}

if (problems.length > 0) {
  console.error(`artifact check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
