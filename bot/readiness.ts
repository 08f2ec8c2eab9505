/**
 * Readiness: the server is ready once every named part has said so (the knowledge pack is
 * loaded, the language model trained and warmed up). `/readyz` reports this.
 */
export interface ReadinessReport {
  ready: boolean;
  waitingFor: string[];
  details: Record<string, unknown>;
}

export class Readiness {
  private readonly waiting: Set<string>;
  private readonly details: Record<string, unknown> = {};

  constructor(parts: readonly string[]) {
    this.waiting = new Set(parts);
  }

  markReady(part: string, detail?: unknown): void {
    this.waiting.delete(part);
    if (detail !== undefined) this.details[part] = detail;
  }

  /** Records facts for the report (for example the live pack version, the last refused edit). */
  describe(part: string, detail: unknown): void {
    this.details[part] = detail;
  }

  report(): ReadinessReport {
    return { ready: this.waiting.size === 0, waitingFor: [...this.waiting], details: { ...this.details } };
  }
}
