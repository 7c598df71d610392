// The answer of `pacemakerLab/classifyCommand`: what run on node must ask before it runs a command and
// what it must hide when it shows or logs it. Computed by the server (runOnNode/commandSafety.ts).

export interface DestructiveFinding {
  /** Why a person must agree, e.g. "erases the cluster configuration on the node". */
  reason: string;
  /** The program and the words that decided it (no option values), e.g. "pcs cluster destroy". */
  command: string;
}

export interface SecretSpan {
  start: number;
  end: number;
  replacement: string;
}

/** The answer of `pacemakerLab/classifyCommand`. */
export interface CommandSafety {
  destructive: DestructiveFinding[];
  /** Character ranges of `text` to hide, sorted, not overlapping. */
  secrets: SecretSpan[];
  /** `text` with every secret replaced: the only form of the command that may be shown or logged. */
  masked: string;
  /** Set when the parse was incomplete: the answer then asks and masks more than it can prove. */
  unsure?: string;
}
