/**
 * The first dialog of every turn. For now it answers greetings, help, thanks and goodbyes from
 * the pack's messages and says plainly what it cannot do yet; screenings and service answers
 * plug in here as they arrive.
 */
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { packLocale, type ContentSource } from '../bot/content.js';
import type { Understanding } from '../bot/understanding.js';

export const ROOT_DIALOG = 'root';

/** Conversation intents answered with one message of the same name. */
const ONE_MESSAGE_INTENTS: Readonly<Record<string, string>> = {
  greeting: 'welcome',
  help: 'help',
  thanks: 'thanks',
  goodbye: 'goodbye',
};

export class RootDialog extends Dialog {
  constructor(
    private readonly content: ContentSource,
    private readonly understanding: () => Understanding,
  ) {
    super(ROOT_DIALOG);
  }

  override getVersion(): string {
    return this.content.current().version;
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const content = this.content.current();
    const locale = packLocale(dc.context.activity.locale, content.locales);
    const text = dc.context.activity.text ?? '';
    const { intent } = this.understanding().understand(text, locale);
    const key = ONE_MESSAGE_INTENTS[intent] ?? 'not_yet';
    await dc.context.sendActivity(content.message(key, locale));
    return dc.endDialog();
  }
}
