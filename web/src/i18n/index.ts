import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogues } from './catalogues.ts';
import { common } from './common.ts';
import { enumCatalogue } from './enums.ts';

export const LANGUAGES = [
  { code: 'vi', label: 'Tiếng Việt' },
  { code: 'en', label: 'English' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

/**
 * One namespace per feature; each feature keeps its catalogue beside its pages (messages.ts). The `enums` namespace
 * holds the words of the contract enums (enums.ts), nested by enum: `enums:role.principal`.
 */
function resources(lang: Language) {
  const namespaces: Record<string, Record<string, string | Record<string, string>>> = {
    common: common[lang],
    enums: enumCatalogue(lang),
  };
  for (const [ns, messages] of Object.entries(catalogues)) namespaces[ns] = messages[lang];
  return namespaces;
}

const saved = (typeof localStorage !== 'undefined' &&
  localStorage.getItem('truongso.lang')) as Language | null;

i18n.use(initReactI18next).init({
  lng: saved ?? 'vi',
  fallbackLng: 'vi',
  defaultNS: 'common',
  resources: { vi: resources('vi'), en: resources('en') },
  interpolation: { escapeValue: false },
  showSupportNotice: false,
});

export function setLanguage(lang: Language) {
  localStorage.setItem('truongso.lang', lang);
  void i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
}

export default i18n;
