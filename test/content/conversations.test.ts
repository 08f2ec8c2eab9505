/**
 * The default pack's conversation tests (knowledge/conversations/*.json), one mocha test each,
 * run through the real bot, dialogs and classifier as `guichet kb test` runs them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import {
  formatConversationResult,
  runConversations,
  type ConversationResult,
} from '../../adapters/conversation-runner.js';
import { loadPack, type ConversationFile } from '../../bot/knowledge/index.js';

const DEFAULT_PACK = fileURLToPath(new URL('../../knowledge/', import.meta.url));

describe('the default pack’s conversations', function () {
  this.timeout(120_000);
  let results: ConversationResult[];
  before(async () => {
    const { pack } = await loadPack(DEFAULT_PACK);
    if (!pack) throw new Error('the default pack does not load');
    results = await runConversations(pack);
  });

  for (const file of readdirSync(join(DEFAULT_PACK, 'conversations')).filter((f) => f.endsWith('.json'))) {
    const { conversations } = JSON.parse(
      readFileSync(join(DEFAULT_PACK, 'conversations', file), 'utf8'),
    ) as ConversationFile;
    for (const conversation of conversations) {
      it(`${file}: ${conversation.name}`, () => {
        const result = results.find(
          (r) => r.file === `conversations/${file}` && r.name === conversation.name,
        );
        expect(result, 'the conversation ran').to.not.equal(undefined);
        if (result && !result.passed) expect.fail(formatConversationResult(result));
      });
    }
  }
});
