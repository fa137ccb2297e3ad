import { zh, type Messages } from './messages';
import { en } from './messages-en';

export type { Messages };

/** Every catalogue by its language tag (the languages of src/lib/settings.ts). */
export const messageCatalogs = { 'zh-CN': zh, en } satisfies Record<string, Messages>;
