import { defineConfig } from 'vitest/config';

// Tests share one Neo4j (started or reused by test/global-setup.ts), so test files run one at a time.
export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Stopping Neo4j takes ~3 s (up to 60 s before it is killed).
    teardownTimeout: 90_000,
    fileParallelism: false,
    exclude: ['**/node_modules/**', '**/.git/**', 'dist/**', '.neo4j/**'],
  },
});
