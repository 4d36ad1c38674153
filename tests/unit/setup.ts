// Both dictionaries, as a page has them after loading a language (src/i18n/index.ts).
import { loadLanguage } from '../../src/i18n/index.ts';

await Promise.all([loadLanguage('zh'), loadLanguage('en')]);
