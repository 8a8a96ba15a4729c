// `npm run db:migrate`: create the configured database if needed and apply pending migrations.
import { loadConfig } from '@grader/config';
import { ensureDatabase } from './admin.ts';
import { migrate } from './migrate.ts';

const url = loadConfig().DATABASE_URL;
if (await ensureDatabase(url)) console.log(`created database ${new URL(url).pathname.slice(1)}`);
const r = await migrate(url);
console.log(`migrations: ${r.applied.length} applied, ${r.alreadyApplied.length} already applied`);
for (const name of r.applied) console.log(`  applied ${name}`);
