/**
 * The root dialog's routing, one case per row: what understanding made of the message (intent,
 * band, source), and what the citizen must see. Understanding is given per case so that each
 * band is tested on purpose; the classifier that produces bands is tested in test/unit/language.
 */
import { SavedAnswersStore } from '../../bot/saved-answers.js';
import { expect } from 'chai';
import { ConversationState, MemoryStorage, type Activity } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { messagesContent, type ContentSource } from '../../bot/content.js';
import { loadPack, type KnowledgePack } from '../../bot/knowledge/index.js';
import { stateAccessors } from '../../bot/state.js';
import type { Understood } from '../../bot/understanding.js';
import { RootDialog } from '../../dialogs/root-dialog.js';
import type { DialogRuntime } from '../../dialogs/runtime.js';
import { ScreeningDialog } from '../../dialogs/screening-dialog.js';
import { ComponentDialog } from 'botbuilder-dialogs';

let pack: KnowledgePack;
before(async () => {
  const loaded = await loadPack('test/fixtures/packs/screening');
  if (!loaded.pack) throw new Error('the fixture pack does not load');
  pack = loaded.pack;
});

/** Root and screening together, as the bot runs them. */
class Conversation extends ComponentDialog {
  constructor(runtime: DialogRuntime) {
    super('conversation');
    this.addDialog(new RootDialog(runtime)).addDialog(new ScreeningDialog(runtime));
    this.initialDialogId = 'root';
  }
}

function client(understood: Record<string, Understood>): {
  client: DialogTestClient;
  message: (key: string) => string;
} {
  const content: ContentSource = { current: () => messagesContent(pack.hash, pack.messages, 5000) };
  const conversationState = new ConversationState(new MemoryStorage());
  const runtime: DialogRuntime = {
    content,
    knowledge: () => pack,
    understanding: () => ({
      understand: (text) =>
        understood[text] ?? { intent: 'none', score: 0.1, band: 'reject', source: 'model' },
    }),
    today: () => new Date('2025-06-01T12:00:00Z'),
    state: stateAccessors(conversationState),
    saved: new SavedAnswersStore(new MemoryStorage()),
  };
  return {
    client: new DialogTestClient('test', new Conversation(runtime), undefined, [], conversationState),
    message: (key) => content.current().message(key, 'en'),
  };
}

const accept = (intent: string): Understood => ({ intent, score: 0.95, band: 'accept', source: 'model' });

async function say(c: DialogTestClient, text: string): Promise<Activity> {
  return (await c.sendActivity(text)) as Activity;
}

describe('RootDialog routing', () => {
  const oneMessage: Array<[string, string]> = [
    ['greeting', 'welcome'],
    ['help', 'help'],
    ['thanks', 'thanks'],
    ['goodbye', 'goodbye'],
    ['human', 'human'],
  ];
  for (const [intent, key] of oneMessage) {
    it(`${intent} → the "${key}" message`, async () => {
      const { client: c, message } = client({ x: accept(intent) });
      expect((await say(c, 'x')).text).to.equal(message(key));
    });
  }

  it('human → also the handoff event, for a channel or agent hub to take the conversation', async () => {
    const { client: c } = client({ x: accept('human') });
    await say(c, 'x');
    expect(c.getNextReply()).to.deep.include({ type: 'event', name: 'handoff.initiate' });
  });

  it('a topic, accepted → starts its service check with its first question', async () => {
    const { client: c } = client({ x: accept('pension_credit') });
    expect((await say(c, 'x')).text).to.contain(pack.questions.where_do_you_live!.prompt.en);
  });

  it('a topic in the confirm band → "Is your question about …?", and yes starts it', async () => {
    const { client: c, message } = client({
      x: { intent: 'pension_credit', score: 0.5, band: 'confirm', source: 'model' },
    });
    const confirm = await say(c, 'x');
    expect(confirm.text).to.equal(message('confirm_topic').replace('{topic}', 'Pension Credit'));
    expect(confirm.suggestedActions?.actions.map((a) => a.title)).to.deep.equal([
      message('yes'),
      message('no'),
    ]);
    expect((await say(c, message('yes'))).text).to.contain(pack.questions.where_do_you_live!.prompt.en);
  });

  it('two close topics → "Do you mean A or B?", and picking one starts it', async () => {
    const { client: c } = client({
      x: {
        intent: 'pension_credit',
        score: 0.4,
        band: 'confirm',
        source: 'model',
        alternatives: ['pension_credit', 'winter_fuel_payment'],
      },
    });
    const ask = await say(c, 'x');
    expect(ask.suggestedActions?.actions.map((a) => a.title)).to.deep.equal([
      'Pension Credit',
      'Winter Fuel Payment',
    ]);
    expect((await say(c, '2')).text).to.contain(pack.questions.where_do_you_live!.prompt.en);
  });

  it('out of scope → says so honestly', async () => {
    const { client: c, message } = client({
      passport: { intent: 'none', score: 0.9, band: 'reject', source: 'none' },
    });
    expect((await say(c, 'passport')).text).to.equal(message('out_of_scope'));
  });

  it('maybe out of scope (the gate) → unsure: say it another way or look elsewhere; then as not understood', async () => {
    const gate: Understood = { intent: 'none', score: 0.3, band: 'reject', source: 'gate' };
    const { client: c, message } = client({ 'my assessment is next week': gate });
    expect(message('unsure')).not.to.equal(message('fallback'));
    expect((await say(c, 'my assessment is next week')).text).to.equal(message('unsure'));
    expect((await say(c, 'my assessment is next week')).text).to.equal(message('retry'));
    expect((await say(c, 'my assessment is next week')).text).to.equal(message('retry_last'));
  });

  it('not understood → rephrase, then an example, then the offer of a person', async () => {
    const { client: c, message } = client({});
    expect((await say(c, 'blah')).text).to.equal(message('fallback'));
    expect((await say(c, 'blah')).text).to.equal(message('retry'));
    expect((await say(c, 'blah')).text).to.equal(message('retry_last'));
  });

  it('forget me → asks first; yes deletes', async () => {
    const { client: c, message } = client({
      f: accept('forget_me'),
      d: accept('my_data'),
      pc: accept('pension_credit'),
      cancel: accept('cancel'),
    });
    await say(c, 'pc');
    await say(c, 'Wales');
    await say(c, 'cancel');
    expect((await say(c, 'd')).text).to.contain('Wales');
    expect((await say(c, 'f')).text).to.equal(message('forget_me_confirm'));
    expect((await say(c, message('yes'))).text).to.equal(message('forgotten'));
    expect(c.getNextReply(), 'the browser is told to forget too').to.deep.include({
      type: 'event',
      name: 'guichet.answersForgotten',
    });
    expect((await say(c, 'd')).text).to.equal(message('my_data_none'));
  });
});
