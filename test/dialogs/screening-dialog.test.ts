/**
 * The screening dialog, driven with botbuilder-testing's DialogTestClient on a small fixture
 * pack (test/fixtures/packs/screening): each case is what the citizen says and what the bot
 * must (or must not) say back. Understanding is the pack's exact phrases, so the cases test the
 * dialog, not the classifier.
 */
import { SavedAnswersStore } from '../../bot/saved-answers.js';
import { expect } from 'chai';
import { ConversationState, MemoryStorage, type Activity } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { messagesContent, type ContentSource } from '../../bot/content.js';
import { loadPack, type KnowledgePack } from '../../bot/knowledge/index.js';
import { stateAccessors } from '../../bot/state.js';
import { exactUtterances, type Understanding } from '../../bot/understanding.js';
import type { DialogRuntime } from '../../dialogs/runtime.js';
import { ScreeningDialog, type ScreeningOptions } from '../../dialogs/screening-dialog.js';

const FIXTURE = 'test/fixtures/packs/screening';
let basePack: KnowledgePack;

before(async () => {
  const { pack, problems } = await loadPack(FIXTURE);
  if (!pack) throw new Error(`the fixture pack does not load:\n${problems.map((p) => p.message).join('\n')}`);
  basePack = pack;
});

interface Harness {
  client: DialogTestClient;
  /** Another screening in the same conversation (same state). */
  next(options: ScreeningOptions): DialogTestClient;
  /** Swap the live pack, as a hot reload does. */
  reload(pack: KnowledgePack): void;
  message(key: string): string;
  prompt(questionId: string): string;
}

function harness(options: ScreeningOptions): Harness {
  let pack = basePack;
  const content: ContentSource = { current: () => messagesContent(pack.hash, pack.messages, 5000) };
  const understanding: Understanding = exactUtterances(
    Object.values(pack.topics).flatMap((file) => [
      ...(file.intents ?? []).flatMap((i) => i.utterances.map((text) => ({ intent: i.id, text }))),
      ...file.topics.flatMap((t) => t.utterances.map((text) => ({ intent: t.id, text }))),
    ]),
  );
  const conversationState = new ConversationState(new MemoryStorage());
  const runtime: DialogRuntime = {
    content,
    knowledge: () => pack,
    understanding: () => understanding,
    today: () => new Date('2025-06-01T12:00:00Z'),
    state: stateAccessors(conversationState),
    saved: new SavedAnswersStore(new MemoryStorage()),
  };
  const client = new DialogTestClient('test', new ScreeningDialog(runtime), options, [], conversationState);
  return {
    client,
    next: (more) => new DialogTestClient('test', new ScreeningDialog(runtime), more, [], conversationState),
    reload: (next) => (pack = next),
    message: (key) => content.current().message(key, 'en'),
    prompt: (id) => pack.questions[id]?.prompt.en ?? `(no question ${id})`,
  };
}

/** Sends and returns every reply of the turn, joined, for "contains" checks. */
async function say(client: DialogTestClient, text: string): Promise<string> {
  const first = (await client.sendActivity(text)) as Activity | undefined;
  const replies = [first];
  for (
    let next = client.getNextReply() as Activity | undefined;
    next;
    next = client.getNextReply() as Activity | undefined
  )
    replies.push(next);
  return replies.map((r) => r?.text ?? '').join('\n---\n');
}

function asks(reply: string, prompt: string): void {
  expect(reply, `expected the bot to ask "${prompt}"`).to.contain(prompt);
}

describe('ScreeningDialog (DialogTestClient)', () => {
  it('takes facts from the first message and never asks them again', async () => {
    const h = harness({ target: 'check_benefits', text: 'I live in Wales' });
    const first = await say(h.client, 'I live in Wales');
    expect(first).to.contain(h.message('understood'));
    expect(first).to.contain('Wales');
    asks(first, h.prompt('over_state_pension_age'));
    const question = first.slice(first.indexOf(h.prompt('over_state_pension_age')));
    expect(question).to.not.contain(h.prompt('where_do_you_live'));
    for (const answer of ['Yes', 'No', '150']) {
      const lines = (await say(h.client, answer)).split('\n');
      expect(lines, 'asked where you live again').to.not.include(h.prompt('where_do_you_live'));
    }
  });

  it('reads several facts from one sentence, an age among them: “I’m 70 and live in Wales”', async () => {
    const h = harness({ target: 'check_benefits', text: "I'm 70 and live in Wales" });
    const first = await say(h.client, "I'm 70 and live in Wales");
    expect(first).to.contain(h.message('understood'));
    expect(first).to.contain(`${h.prompt('where_do_you_live')} Wales`);
    expect(first).to.contain(`${h.prompt('over_state_pension_age')} ${h.message('yes')}`);
    asks(first, h.prompt('live_with_partner'));
  });

  const table: Array<{ name: string; turns: Array<[string, (h: Harness, reply: string) => void]> }> = [
    {
      name: 'answers a choice by name, then by number',
      turns: [
        ['start', (h, r) => asks(r, h.prompt('where_do_you_live'))],
        ['Wales', (h, r) => asks(r, h.prompt('over_state_pension_age'))],
        ['1', (h, r) => asks(r, h.prompt('live_with_partner'))],
      ],
    },
    {
      name: 'why: explains with the question’s why text and asks the same question again',
      turns: [
        ['start', () => {}],
        [
          'Why are you asking?',
          (h, r) => {
            expect(r).to.contain(h.message('why_we_ask').split('{why}')[0]!.trim());
            expect(r).to.contain(basePack.questions.where_do_you_live!.why!.en);
            asks(r, h.prompt('where_do_you_live'));
          },
        ],
      ],
    },
    {
      name: "skip: “I don't know” moves on and the question is not asked again",
      turns: [
        ['start', () => {}],
        ['Wales', () => {}],
        [
          "I don't know",
          (h, r) => {
            expect(r).to.contain(h.message('skipped'));
            expect(r).to.not.contain(h.prompt('over_state_pension_age'));
          },
        ],
      ],
    },
    {
      name: 'change an answer by saying it: “actually I live in Scotland”',
      turns: [
        ['start', () => {}],
        ['Wales', () => {}],
        [
          'actually I live in Scotland',
          (h, r) => {
            expect(r).to.contain(h.message('changed_answers'));
            expect(r).to.contain('Scotland');
            asks(r, h.prompt('over_state_pension_age'));
          },
        ],
      ],
    },
    {
      name: 'back: asks the previous question again',
      turns: [
        ['start', () => {}],
        ['Wales', () => {}],
        ['go back', (h, r) => asks(r, h.prompt('where_do_you_live'))],
      ],
    },
    {
      name: 'change my answers: lists the answers to pick from',
      turns: [
        ['start', () => {}],
        ['Wales', () => {}],
        [
          'change my answers',
          (h, r) => {
            expect(r).to.contain(h.message('change_which'));
          },
        ],
      ],
    },
    {
      name: 'change my answers, then "1": asks that question again (it is not an answer to the one waiting)',
      turns: [
        ['start', () => {}],
        ['Wales', () => {}],
        ['change my answers', () => {}],
        ['1', (h, r) => asks(r, h.prompt('where_do_you_live'))],
      ],
    },
    {
      name: 'start over: forgets the answers and begins again',
      turns: [
        ['start', () => {}],
        ['Wales', () => {}],
        [
          'start over',
          (h, r) => {
            expect(r).to.contain(h.message('start_over'));
            asks(r, h.prompt('where_do_you_live'));
          },
        ],
      ],
    },
    {
      name: 'an unrelated question mid-screening is answered, then we carry on where we were',
      turns: [
        ['start', () => {}],
        ['Wales', () => {}],
        [
          'will I get the winter fuel payment',
          (h, r) => {
            expect(r).to.contain(basePack.services.winter_fuel_payment!.summary.en);
            expect(r).to.contain(h.message('carry_on'));
            asks(r, h.prompt('over_state_pension_age'));
          },
        ],
      ],
    },
    {
      name: 'an answer it cannot read: says what it needs, then offers a way out',
      turns: [
        ['start', () => {}],
        [
          'purple',
          (h, r) => {
            expect(r).to.contain('1. England');
            asks(r, h.prompt('where_do_you_live'));
          },
        ],
        ['purple', () => {}],
        ['purple', (h, r) => expect(r).to.contain(h.message('answer_trouble'))],
      ],
    },
    {
      name: 'cancel: stops the screening',
      turns: [
        ['start', () => {}],
        ['cancel', (h, r) => expect(r).to.contain(h.message('cancelled'))],
      ],
    },
  ];

  for (const { name, turns } of table) {
    it(name, async () => {
      const h = harness({ target: 'check_benefits' });
      for (const [text, check] of turns) check(h, await say(h.client, text));
    });
  }

  it('finishes with results: grouped, with reasons, how to apply, the answers and the guidance line', async () => {
    const h = harness({ target: 'check_benefits' });
    await say(h.client, 'start');
    await say(h.client, 'England');
    await say(h.client, 'Yes');
    await say(h.client, 'No');
    let reply = await say(h.client, '150');
    for (let i = 0; i < 5 && !reply.includes(h.message('results_guidance')); i += 1)
      reply = await say(h.client, 'No');
    expect(reply).to.contain(h.message('results_guidance'));
    expect(reply).to.contain('Money for older people');
    expect(reply).to.contain('Pension Credit');
    expect(reply).to.contain('https://www.gov.uk/pension-credit/how-to-claim');
    expect(reply).to.contain(h.message('results_answers'));
    expect(h.client.dialogTurnResult.status).to.equal('complete');
  });

  it('notices a pack reload mid-screening, keeps the answers and carries on', async () => {
    const h = harness({ target: 'check_benefits' });
    await say(h.client, 'start');
    await say(h.client, 'Wales');
    h.reload({ ...basePack, hash: 'a-new-version' } as KnowledgePack);
    const reply = await say(h.client, 'Yes');
    expect(reply).to.contain(h.message('knowledge_changed'));
    expect(reply).to.not.contain(h.prompt('where_do_you_live'));
    asks(reply, h.prompt('live_with_partner'));
  });

  it('reuses answers from an earlier screening and says so (tell us once)', async () => {
    const h = harness({ target: 'check_benefits' });
    await say(h.client, 'start');
    await say(h.client, 'England');
    await say(h.client, 'cancel');
    const reply = await say(h.next({ target: 'winter_fuel_payment' }), 'will I get the winter fuel payment');
    expect(reply).to.contain(h.message('reused_answers'));
    expect(reply).to.contain('England');
    asks(reply, h.prompt('over_state_pension_age'));
  });
});
