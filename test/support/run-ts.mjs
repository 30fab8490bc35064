// Runs a TypeScript module of the project in a child process, the way vitest
// loads it, and calls its `run(argv)`: node test/support/run-ts.mjs cli/main.ts ingest FOLDER.
// Tests use it to run the CLI from the sources (no build), e.g. to kill -9 it mid-ingest.
import { resolve } from 'node:path';
import { runnerImport } from 'vite';

const [file, ...argv] = process.argv.slice(2);
const { module } = await runnerImport(resolve(file), { configFile: false, logLevel: 'error' });
process.exitCode = await module.run(argv);
