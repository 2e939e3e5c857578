// A worker's memory, measured in a process of its own (the bench's evaluation section spawns it): the
// evaluation worker's evaluateBatch (reads, evaluation, conditional writes) over the messages in the
// JSON file given, one after another as a Lambda invocation of ten SQS records runs them; prints
// `{"maxRssMb", "peakHeapMb", "messages", "officers"}` on its last line. Args: <batches.json>.
import { readFileSync } from 'node:fs';
import type { EvaluationBatch } from '../../functions/evaluations/queue.js';
import { evaluateBatch } from '../../functions/evaluations/worker.js';

const batches = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as EvaluationBatch[];
let peakHeap = process.memoryUsage().heapUsed;
const sample = setInterval(() => { peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed); }, 20);
for (const b of batches) {
  await evaluateBatch(b);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}
clearInterval(sample);
const mb = (bytes: number) => Math.round((bytes / 1_048_576) * 10) / 10;
console.log(JSON.stringify({ maxRssMb: mb(process.resourceUsage().maxRSS * 1024), peakHeapMb: mb(peakHeap), messages: batches.length, officers: batches.reduce((s, b) => s + b.officers.length, 0) }));
