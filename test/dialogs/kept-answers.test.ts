// Keeping answers after the conversation, only with consent, through the real bot (createBot):
// the offer after results, yes and no, the welcome back in a later conversation of the same
// person, nobody else's, "forget me", and the end of the kept period.
import { expect } from 'chai';
import { ActivityTypes, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { fileURLToPath } from 'node:url';
import { messagesContent } from '../../bot/content.js';
import { loadPack, type KnowledgePack } from '../../bot/knowledge/index.js';
import { silentLogger } from '../../bot/logger.js';
import { exactUtterances } from '../../bot/understanding.js';
import { createBot } from '../../adapters/bot-factory.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/packs/screening/', import.meta.url));
const DAY = 86_400_000;

describe('keeping answers after the conversation (with consent)', () => {
  let pack: KnowledgePack;
  let storage: MemoryStorage;
  let today: Date;

  before(async () => {
    const loaded = await loadPack(FIXTURE);
    pack = loaded.pack!;
  });
  beforeEach(() => {
    storage = new MemoryStorage();
    today = new Date('2025-06-01T12:00:00Z');
  });

  const message = (key: string, slots?: Record<string, string>) =>
    messagesContent(pack.hash, pack.messages, 5000).message(key, 'en', slots);

  /** One conversation of one person with the bot, over the shared storage. */
  function conversation(conversationId: string, userId: string) {
    const understanding = exactUtterances(
      Object.values(pack.topics).flatMap((file) => [
        ...(file.intents ?? []).flatMap((i) => i.utterances.map((text) => ({ intent: i.id, text }))),
        ...file.topics.flatMap((t) => t.utterances.map((text) => ({ intent: t.id, text }))),
      ]),
    );
    const built = createBot({
      storage,
      content: { current: () => messagesContent(pack.hash, pack.messages, 5000) },
      understanding: () => understanding,
      knowledge: () => pack,
      today: () => today,
      logger: silentLogger,
    });
    const adapter = new TestAdapter((context) => built.run(context), {
      channelId: 'directline',
      conversation: { id: conversationId, isGroup: false, name: '', conversationType: '' },
      from: { id: userId, name: '' },
      recipient: { id: 'bot', name: 'bot' },
      locale: 'en',
    });
    const drain = (): Partial<Activity>[] => adapter.activeQueue.splice(0);
    return {
      /** The person joins (Direct Line says so first): the replies. */
      async join() {
        await adapter.processActivity({
          type: ActivityTypes.ConversationUpdate,
          from: { id: userId, name: '' },
          membersAdded: [{ id: userId, name: '' }],
        });
        return drain();
      },
      /** The person types: the texts of the replies, and the events. */
      async say(text: string) {
        await adapter.processActivity({ type: ActivityTypes.Message, from: { id: userId, name: '' }, text });
        const replies = drain();
        return {
          texts: replies.filter((r) => r.type === 'message').map((r) => r.text ?? ''),
          events: replies.filter((r) => r.type === 'event').map((r) => r.name),
        };
      },
    };
  }

  async function finishWinterFuel(c: ReturnType<typeof conversation>) {
    await c.say('will I get the winter fuel payment');
    await c.say('England');
    return c.say('yes');
  }

  it('offers to keep the answers after the results, and keeps them on yes until the date it says', async () => {
    const first = conversation('c1', 'dl_person');
    await first.join();
    const results = await finishWinterFuel(first);
    expect(results.texts.at(-1)).to.equal(message('keep_answers_offer', { days: '30' }));
    const kept = await first.say('yes');
    expect(kept.texts).to.deep.equal([message('kept_answers', { date: '1 July 2025' })]);
    expect(kept.events).to.deep.equal(['guichet.answersKept']);

    // A new conversation of the same person: welcomed back, and not asked again.
    const second = conversation('c2', 'dl_person');
    const welcome = await second.join();
    expect(welcome.map((a) => a.text)).to.deep.equal([
      message('welcome'),
      message('restored_answers', { date: '1 July 2025' }),
    ]);
    const asked = await second.say('Can I get Pension Credit?');
    // It says which answers it reused, then asks the first question it still needs.
    const [reused, question] = (asked.texts.at(-1) ?? '').split('\n\n');
    expect(reused).to.contain(message('reused_answers').split(':')[0]).and.to.contain('England');
    expect(question).to.equal(pack.questions.live_with_partner!.prompt.en);
  });

  it('keeps nothing on no, and does not ask again in that conversation', async () => {
    const first = conversation('c1', 'dl_person');
    await first.join();
    await finishWinterFuel(first);
    expect((await first.say('no')).texts).to.deep.equal([message('not_kept_answers')]);
    await first.say('will I get the winter fuel payment');
    const again = await first.say('start over');
    expect(again.texts.join('\n')).to.not.contain(message('keep_answers_offer', { days: '30' }));
    const second = conversation('c2', 'dl_person');
    expect((await second.join()).map((a) => a.text)).to.deep.equal([message('welcome')]);
  });

  it("never gives one person's answers to another", async () => {
    const first = conversation('c1', 'dl_person');
    await first.join();
    await finishWinterFuel(first);
    await first.say('yes');
    const other = conversation('c2', 'dl_someone_else');
    expect((await other.join()).map((a) => a.text)).to.deep.equal([message('welcome')]);
  });

  it('forget me deletes the kept answers too, and tells the browser', async () => {
    const first = conversation('c1', 'dl_person');
    await first.join();
    await finishWinterFuel(first);
    await first.say('yes');
    const second = conversation('c2', 'dl_person');
    await second.join();
    await second.say('forget me');
    const forgotten = await second.say('yes');
    expect(forgotten.texts).to.deep.equal([message('forgotten')]);
    expect(forgotten.events).to.deep.equal(['guichet.answersForgotten']);
    const third = conversation('c3', 'dl_person');
    expect((await third.join()).map((a) => a.text)).to.deep.equal([message('welcome')]);
    // The first conversation, where they were given, holds nothing any more either.
    const firstState = (await storage.read(['directline/conversations/c1/']))['directline/conversations/c1/'];
    expect(JSON.stringify(firstState ?? {})).to.not.contain('england');
  });

  it('lets them go when the kept period is over', async () => {
    const first = conversation('c1', 'dl_person');
    await first.join();
    await finishWinterFuel(first);
    await first.say('yes');
    today = new Date(today.getTime() + 30 * DAY + 1);
    const later = conversation('c2', 'dl_person');
    expect((await later.join()).map((a) => a.text)).to.deep.equal([message('welcome')]);
  });
});
