// `npm run api`: the API process. Listening and signals live here only; see app.ts for the rest.
import { loadConfig } from '@grader/config';
import { createServer } from './app.ts';

const config = loadConfig();
const server = await createServer({ config });
const url = await server.listen(config.PORT, config.HOST);
console.log(`[api] listening on ${url} (OpenAPI at ${url}/api/docs)`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[api] ${signal}: closing`);
  await server.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
