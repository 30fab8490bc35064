import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * Files in a fixed order (by name), with the one that indexes the whole shared corpus last: the
 * graph it leaves (~280k nodes) takes minutes to empty, which every later file would have to do.
 */
class CorpusLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const last = (f: TestSpecification) => (f.moduleId.endsWith('/questions.test.ts') ? 1 : 0);
    return [...files].sort((a, b) => last(a) - last(b) || a.moduleId.localeCompare(b.moduleId));
  }
}

// Tests share one Neo4j (started or reused by test/global-setup.ts), so test files run one at a time.
export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Stopping Neo4j takes ~3 s (up to 60 s before it is killed).
    teardownTimeout: 90_000,
    fileParallelism: false,
    sequence: { sequencer: CorpusLast },
    exclude: ['**/node_modules/**', '**/.git/**', 'dist/**', '.neo4j/**'],
  },
});
