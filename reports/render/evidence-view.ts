// What every renderer shows of an evidence entry's explanation: Japanese from `messageJa`, English from `message`.
// A report of schema < 1.4.0 has no messageJa; its English text is then the only one there is.
import type { Evidence, I18n } from '../../src/model.js';

export function evidenceText(e: Pick<Evidence, 'message'> & { messageJa?: string }): I18n {
  return { ja: e.messageJa ?? e.message, en: e.message };
}
