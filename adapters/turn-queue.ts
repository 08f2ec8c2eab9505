/**
 * Runs the turns of one conversation one at a time, in arrival order, while different
 * conversations run concurrently.
 *
 * Why: botbuilder's BotState.saveChanges() writes with eTag "*" (botbuilder-js#705), so two
 * overlapping turns of one conversation would silently lose one turn's state change.
 */
export class TurnQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Runs `work` after every earlier turn of the same conversation has finished. */
  run<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(conversationId) ?? Promise.resolve();
    // A failed turn must not stop the ones behind it: chain on settlement, not on success.
    const result = previous.then(work, work);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(conversationId, tail);
    void tail.then(() => {
      if (this.tails.get(conversationId) === tail) this.tails.delete(conversationId);
    });
    return result;
  }

  /** How many conversations have a turn running or waiting. */
  get busy(): number {
    return this.tails.size;
  }

  /** Resolves when every turn queued so far has finished. */
  async drain(): Promise<void> {
    while (this.tails.size > 0) await Promise.all(this.tails.values());
  }
}
