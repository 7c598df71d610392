// Measures what loading the agent catalog costs: time to read + parse + index, heap and RSS growth,
// and a first hover. Run in a fresh process: node --import tsx scripts/agents/bench-catalog.ts
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readAgentCatalog } from '../../server/src/agents/catalog';
import { agentHover } from '../../server/src/agents/hover';

const file = path.resolve(__dirname, '../../server/src/agents/generated/catalog.json');
global.gc?.();
const heap0 = process.memoryUsage().heapUsed;
const rss0 = process.memoryUsage().rss;
const t0 = process.hrtime.bigint();
const catalog = readAgentCatalog(file);
const t1 = process.hrtime.bigint();
global.gc?.();
const heap1 = process.memoryUsage().heapUsed;
const rss1 = process.memoryUsage().rss;
const word = (text: string, from: number) => ({
  text,
  range: { start: { line: 0, character: from }, end: { line: 0, character: from + text.length } },
});
const t2 = process.hrtime.bigint();
const hover = agentHover(
  { kind: 'resource', id: word('vip', 20), agent: word('IPaddr2', 24), params: [], ops: [], meta: [] },
  { line: 0, character: 26 },
  catalog,
);
const t3 = process.hrtime.bigint();
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
console.log(`catalog: ${catalog.agents.length} agents, ${(fs.statSync(file).size / 1024).toFixed(0)} KiB on disk`);
console.log(`load (read + JSON.parse + index): ${(Number(t1 - t0) / 1e6).toFixed(1)} ms`);
console.log(
  `heap growth: ${mb(heap1 - heap0)} MB${global.gc ? '' : ' (run with --expose-gc for a settled figure)'}; RSS growth: ${mb(rss1 - rss0)} MB`,
);
console.log(`first hover (IPaddr2): ${(Number(t3 - t2) / 1e6).toFixed(2)} ms, ${hover ? 'ok' : 'none'}`);
