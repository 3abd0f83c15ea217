// Writes the reference Parquet files used by PlaceDeMarche.Pipeline.Parquet.Tests/Fixtures with DuckDB, an
// independent Parquet writer. Usage: node make-fixtures.mjs <output-folder>
// Rows are a pure function of i, so the tests can recompute every expected value.
import { DuckDBInstance } from '@duckdb/node-api';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: node make-fixtures.mjs <output-folder>');
  process.exit(2);
}

const rows = `
  SELECT
    CASE WHEN i % 5 = 3 THEN NULL ELSE (i * 7 - 20)::INTEGER END AS i32,
    (i::BIGINT * 3000000000 - 1)::BIGINT AS i64,
    (i / 4)::FLOAT AS f32,
    CASE WHEN i % 4 = 1 THEN NULL ELSE i * 0.25 - 1 END::DOUBLE AS f64,
    (i % 3 = 0) AS flag,
    CASE WHEN i % 6 = 5 THEN NULL ELSE 'name-' || (i % 4) || CASE WHEN i % 2 = 0 THEN '-é' ELSE '' END END AS label,
    CASE WHEN i % 7 = 6 THEN NULL WHEN i % 7 = 2 THEN []::FLOAT[]
         ELSE list_transform(range(i % 3 + 1), k -> (i + k / 2)::FLOAT) END AS vec
  FROM range(20) t(i)`;

const files = {
  'duckdb-uncompressed.parquet': "COMPRESSION 'uncompressed'",
  'duckdb-gzip.parquet': "COMPRESSION 'gzip'",
  'duckdb-snappy.parquet': "COMPRESSION 'snappy'",
  'duckdb-snappy-v2.parquet': "COMPRESSION 'snappy', PARQUET_VERSION 'V2'",
  'duckdb-zstd.parquet': "COMPRESSION 'zstd'",
};

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
for (const [name, options] of Object.entries(files)) {
  const target = `${folder}/${name}`.replaceAll("'", "''");
  await connection.run(`COPY (${rows}) TO '${target}' (FORMAT parquet, ROW_GROUP_SIZE 8, ${options})`);
}
connection.closeSync();
instance.closeSync();
