// Adds up the jest JSON reports of `npm test` into one plain closing line: "N passed, N failed, N skipped".
import { readdirSync, readFileSync } from 'node:fs';

const files = readdirSync('.').filter((f) => /^\.jest-.+\.json$/.test(f));
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of files) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
  skipped += report.numPendingTests + report.numTodoTests;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
