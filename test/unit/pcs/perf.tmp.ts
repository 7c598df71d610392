import { buildClusterModel, scriptDiagnostics } from '../../../server/src/scripts/index';
import { doc } from './lines';
const lines: string[] = ['pcs cluster setup lab n1 n2 n3'];
for (let i = 0; i < 3333; i++) lines.push(`pcs resource create r${i} ocf:pacemaker:Dummy --group g${i % 50}`, `pcs constraint location r${i} prefers n${(i % 3) + 1}=100`, `pcs constraint order r${i} then g${(i + 1) % 50}`);
const d = doc('file:///big.sh', lines.join('\n'));
let t = performance.now(); let m = buildClusterModel([d], []); console.log('first build ms', (performance.now() - t).toFixed(1), scriptDiagnostics(d, m).length);
t = performance.now(); m = buildClusterModel([d], []); console.log('rebuild (cached steps) ms', (performance.now() - t).toFixed(1));
t = performance.now(); m = buildClusterModel([d], [], { agentChecks: false }); console.log('rebuild without agent checks ms', (performance.now() - t).toFixed(1));
