/**
 * The knowledge pack the running server answers from, and what is built from it (the bot's
 * messages, language understanding). A valid edit replaces it between two turns; a broken edit
 * is refused, logged with file:line, and the last good pack keeps serving.
 */
import {
  loadPack,
  watchPack,
  formatProblem,
  type KnowledgePack,
  type Problem,
} from '../bot/knowledge/index.js';
import { messagesContent, type BotContent, type ContentSource } from '../bot/content.js';
import type { Logger } from '../bot/logger.js';
import {
  loadOrTrain,
  packTraining,
  trainClassifierAsync,
  warmUp,
  type Classifier,
} from '../bot/language/index.js';
import { classifierUnderstanding, exactUtterances, type Understanding } from '../bot/understanding.js';

export interface PackStatus {
  version: string;
  loadedAt: string;
  lastRefusal?: { at: string; problems: string[] };
}

const DEFAULT_MAX_MESSAGE_LENGTH = 5000;

export class LivePack implements ContentSource {
  private content: BotContent;
  private understandingNow: Understanding;
  private status: PackStatus;
  private stopWatching: (() => void) | undefined;

  private trained: { hash: string; classifier: Classifier } | undefined;
  private training: Promise<void> | undefined;

  private constructor(
    private pack: KnowledgePack,
    private readonly logger: Logger,
    private readonly modelCacheDir: string | undefined,
  ) {
    this.content = contentOf(pack);
    this.understandingNow = understandingOf(pack);
    this.status = { version: pack.hash, loadedAt: new Date().toISOString() };
  }

  /** Loads the pack; a pack with errors stops the start-up with every problem listed. */
  static async load(dir: string, logger: Logger, modelCacheDir?: string): Promise<LivePack> {
    const result = await loadPack(dir);
    for (const problem of result.problems.filter((p) => p.severity === 'warning')) {
      logger.warn({ problem: formatProblem(problem) }, 'knowledge pack warning');
    }
    if (!result.pack) {
      const errors = result.problems.filter((p) => p.severity === 'error').map(formatProblem);
      throw new PackLoadError(dir, errors);
    }
    return new LivePack(result.pack, logger, modelCacheDir);
  }

  /**
   * Trains the classifier for the live pack (or loads it from the cache by the pack's hash) and
   * warms up the answer recognisers. Until it is done, only exact phrases are understood.
   */
  trainLanguage(): Promise<void> {
    this.training ??= this.train().finally(() => {
      this.training = undefined;
    });
    return this.training;
  }

  private async train(): Promise<void> {
    const pack = this.pack;
    const started = Date.now();
    const training = packTraining(pack);
    const { classifier, from } = this.modelCacheDir
      ? await loadOrTrain(training.examples, training.settings, training.hash, this.modelCacheDir, {
          exact: training.exact,
        })
      : { classifier: await trainClassifierAsyncFor(training), from: 'trained' as const };
    // Only the languages the pack actually speaks: warming French alone takes seconds.
    await warmUp(spokenLocales(pack));
    this.logger.info({ version: pack.hash, from, ms: Date.now() - started }, 'language understanding ready');
    this.trained = { hash: pack.hash, classifier };
    this.understandingNow = classifierUnderstanding(classifier);
    // The pack may have changed while we trained: train again for the one now live.
    if (this.pack.hash !== pack.hash) {
      this.training = undefined;
      await this.trainLanguage();
    }
  }

  current(): BotContent {
    return this.content;
  }

  understanding(): Understanding {
    return this.understandingNow;
  }

  knowledge(): KnowledgePack {
    return this.pack;
  }

  describe(): PackStatus {
    return this.status;
  }

  /** Watches the pack folder and swaps in each valid edit. */
  watch(dir: string, onChange: (status: PackStatus) => void): void {
    this.stopWatching = watchPack(
      dir,
      (event) => {
        if (event.pack) {
          this.replace(event.pack);
          this.logger.info({ version: event.pack.hash }, 'knowledge pack reloaded');
        } else {
          const problems = event.problems.filter((p: Problem) => p.severity === 'error').map(formatProblem);
          this.status = { ...this.status, lastRefusal: { at: new Date().toISOString(), problems } };
          this.logger.warn({ problems }, 'knowledge pack edit refused; the last good pack keeps serving');
        }
        onChange(this.status);
      },
      { initialHash: this.pack.hash },
    );
  }

  stop(): void {
    this.stopWatching?.();
  }

  private replace(pack: KnowledgePack): void {
    this.pack = pack;
    this.content = contentOf(pack);
    // Until the classifier for the new pack is trained (a second or two), the new pack's own
    // phrases are understood at once, and the old classifier answers the rest.
    const exact = understandingOf(pack);
    const previous = this.trained ? classifierUnderstanding(this.trained.classifier) : undefined;
    this.understandingNow = previous ? firstExact(exact, previous) : exact;
    this.status = { version: pack.hash, loadedAt: new Date().toISOString() };
    void this.trainLanguage().catch((error: unknown) =>
      this.logger.error({ err: error }, 'could not train language understanding for the new pack'),
    );
  }
}

export class PackLoadError extends Error {
  override readonly name = 'PackLoadError';
  constructor(
    readonly dir: string,
    readonly problems: string[],
  ) {
    super(`The knowledge pack in ${dir} has problems:\n${problems.join('\n')}`);
  }
}

function contentOf(pack: KnowledgePack): BotContent {
  const maxLength = pack.settings.conversation?.maxMessageLength ?? DEFAULT_MAX_MESSAGE_LENGTH;
  // Welcome buttons carry the title of what each topic starts; the root dialog matches it back.
  const welcome = (pack.settings.conversation?.welcomeTopics ?? []).flatMap((id) => {
    const start = pack.topics.en?.topics.find((t) => t.id === id)?.starts;
    const target =
      start && ('screening' in start ? pack.screenings[start.screening] : pack.services[start.service]);
    return target ? [target.title.en] : [];
  });
  return messagesContent(pack.hash, pack.messages, maxLength, welcome);
}

function trainClassifierAsyncFor(training: ReturnType<typeof packTraining>): Promise<Classifier> {
  return trainClassifierAsync(training.examples, training.settings, { exact: training.exact });
}

function spokenLocales(pack: KnowledgePack): string[] {
  return [...new Set([...Object.keys(pack.messages), ...Object.keys(pack.topics)])];
}

/** Until the classifier is trained: the pack's own phrases (intents, topics, synonyms), matched exactly. */
function understandingOf(pack: KnowledgePack): Understanding {
  const utterances: Array<{ intent: string; text: string }> = [];
  for (const topics of Object.values(pack.topics)) {
    for (const intent of topics.intents ?? []) {
      for (const text of intent.utterances) utterances.push({ intent: intent.id, text });
    }
    for (const topic of topics.topics) {
      for (const text of [...topic.utterances, ...(topic.synonyms ?? [])])
        utterances.push({ intent: topic.id, text });
    }
  }
  return exactUtterances(utterances);
}

function firstExact(exact: Understanding, otherwise: Understanding): Understanding {
  return {
    understand(text, locale) {
      const known = exact.understand(text, locale);
      return known.band === 'accept' ? known : otherwise.understand(text, locale);
    },
  };
}
