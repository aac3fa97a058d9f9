// Per-document debounce with "newest wins": every request bumps the document's generation; a run
// that finishes after a newer request started (or after the document changed) is thrown away.

export type Reason = 'open' | 'change' | 'save' | 'config';

interface Entry {
  timer: NodeJS.Timeout;
  reason: Reason;
  version: number;
}

export class Scheduler {
  private readonly pending = new Map<string, Entry>();
  private readonly generations = new Map<string, number>();

  constructor(private readonly run: (uri: string, reason: Reason, generation: number) => void) {}

  /**
   * Runs `run(uri)` after `delayMs`, replacing anything pending for `uri`. A `change` for the same
   * version as a pending open/save (TextDocuments reports an open as a change too) keeps the pending one.
   */
  schedule(uri: string, version: number, reason: Reason, delayMs: number): void {
    const old = this.pending.get(uri);
    if (old) {
      if (reason === 'change' && old.reason !== 'change' && old.version === version) return;
      clearTimeout(old.timer);
    }
    const timer = setTimeout(() => {
      this.pending.delete(uri);
      this.run(uri, reason, this.bump(uri));
    }, delayMs);
    this.pending.set(uri, { timer, reason, version });
  }

  /** Drop what is pending and invalidate what is running (document closed). */
  cancel(uri: string): void {
    const old = this.pending.get(uri);
    if (old) clearTimeout(old.timer);
    this.pending.delete(uri);
    this.bump(uri);
  }

  /** A new generation for a run that does not go through the timer (pull requests). */
  bump(uri: string): number {
    const g = (this.generations.get(uri) ?? 0) + 1;
    this.generations.set(uri, g);
    return g;
  }

  isCurrent(uri: string, generation: number): boolean {
    return this.generations.get(uri) === generation;
  }

  forget(uri: string): void {
    this.cancel(uri);
    this.generations.delete(uri);
  }

  dispose(): void {
    for (const e of this.pending.values()) clearTimeout(e.timer);
    this.pending.clear();
  }
}
