// Reads a Parquet file through DuckDB and prints {"schema":[{"name","type"}],"rows":[{...}]} as JSON.
// Used by the PlaceDeMarche.Pipeline.Parquet tests as an independent conformance check of the files we write.
// Usage: node read-parquet.mjs <file.parquet>
import { DuckDBInstance } from '@duckdb/node-api';

const file = process.argv[2];
if (!file) {
  console.error('usage: node read-parquet.mjs <file.parquet>');
  process.exit(2);
}

// SQL string literal: single quotes are doubled.
const source = `read_parquet('${file.replaceAll("'", "''")}')`;

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
try {
  const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`);
  const schema = described.getRowObjectsJS().map((row) => ({ name: row.column_name, type: row.column_type }));
  const selected = await connection.runAndReadAll(`SELECT * FROM ${source}`);
  // getRowObjectsJson keeps BIGINT exact (as strings) and turns lists into arrays.
  const rows = selected.getRowObjectsJson();
  process.stdout.write(JSON.stringify({ schema, rows }) + '\n');
} finally {
  connection.closeSync();
  instance.closeSync();
}
