import { startEmbeddedPostgres } from '@wholesail/platform/db/embedded';
const db = await startEmbeddedPostgres({ dir: '/tmp/seed-bench-pg', port: 54401, database: 'seedbench' });
console.log(db.url);
process.on('SIGTERM', async () => { await db.stop(); process.exit(0); });
setInterval(() => {}, 1 << 30);
