export { DEMO_LOGINS, DEMO_PASSWORD, demoLogins, hasAnyUnit } from './logins.ts';
export { generateDemo, type SeedOptions, type SeedProgress, type SeedSummary, seedDemo } from './seed.ts';
