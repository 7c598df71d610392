export async function runLabVerify(_o: { name: string; paths: string[]; keep: boolean; out: (s: string) => void; err: (s: string) => void }): Promise<number> {
  _o.err('pcmk-lsp lab verify: not yet\n');
  return 2;
}
