import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import './i18n/index.ts';
import './fonts.ts';
import { type CSSVariablesResolver, createTheme, MantineProvider, TableScrollContainer } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import 'dayjs/locale/vi';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from './api/client.ts';
import { App } from './app/App.tsx';

// Typed dates (DD/MM/YYYY) are parsed with the input's format, not as ISO strings.
dayjs.extend(customParseFormat);
dayjs.locale('vi');

const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 of Mantine's blue keeps white button text and blue links at WCAG AA contrast (4.5:1); 6 gives 3.5:1.
  primaryShade: 8,
  components: {
    // Icon-only buttons need a name (axe button-name): the × of modals and alerts, and of clearable inputs.
    CloseButton: { defaultProps: { 'aria-label': 'Đóng' } },
    InputClearButton: { defaultProps: { 'aria-label': 'Xoá giá trị đã chọn' } },
    // A table that scrolls sideways on a phone can be scrolled from the keyboard (focusable viewport).
    TableScrollContainer: TableScrollContainer.extend({
      defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } },
    }),
  },
  fontFamily: '"Be Vietnam Pro", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  defaultRadius: 'md',
});

/**
 * "Dimmed" text is gray 7 rather than Mantine's gray 6, which reads at 3.3:1 on white (WCAG AA asks 4.5:1). The
 * text of "light" variants (badges, alerts, light buttons) is each colour's shade 9 darkened until it reads at
 * 4.8:1 or more on its own tint (shades 1–2 and the 15 % wash): Mantine's own reads 2.7:1 (yellow) to 4.3:1 (teal),
 * which axe reported on the students list, the rollover page and the contact book.
 */
const LIGHT_VARIANT_TEXT = {
  blue: '#165897',
  teal: '#08694c',
  green: '#226c31',
  orange: '#a9380b',
  yellow: '#9f5200',
  red: '#a72323',
  grape: '#7e2b93',
  violet: '#5436ad',
  indigo: '#3046b0',
  cyan: '#096576',
  lime: '#436d08',
  pink: '#9c1c48',
} as const;
/**
 * Filled buttons and badges (white text) and coloured text (`c="red"`, which is the filled colour) of the colours whose
 * shade 8 reads under 4.5:1 on white or on a striped table row (gray 0–1): red 4.1:1, cyan 3.9:1, teal 3.6:1, orange
 * 3.2:1, green 3.1:1, lime 2.6:1, yellow 2.2:1 (axe on the assignments, review and public results pages). Red and
 * cyan take shade 9; the others the dark text of their light variant (5.1:1 or more on gray 1).
 */
const FILLED = {
  red: 'var(--mantine-color-red-9)',
  cyan: 'var(--mantine-color-cyan-9)',
  teal: LIGHT_VARIANT_TEXT.teal,
  orange: LIGHT_VARIANT_TEXT.orange,
  green: LIGHT_VARIANT_TEXT.green,
  lime: LIGHT_VARIANT_TEXT.lime,
  yellow: LIGHT_VARIANT_TEXT.yellow,
} as const;
const contrastVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    ...Object.fromEntries(
      Object.entries(FILLED).flatMap(([color, filled]) => [
        [`--mantine-color-${color}-filled`, filled],
        [`--mantine-color-${color}-filled-hover`, `color-mix(in srgb, ${filled} 85%, black)`],
      ]),
    ),
    ...Object.fromEntries(
      Object.entries(LIGHT_VARIANT_TEXT).map(([color, text]) => [
        `--mantine-color-${color}-light-color`,
        text,
      ]),
    ),
  },
  dark: {},
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Permission and validation errors will not fix themselves by retrying.
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={contrastVariables}>
      <DatesProvider settings={{ locale: 'vi', firstDayOfWeek: 1 }}>
        <Notifications position="top-right" />
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  </StrictMode>,
);

// The service worker shows Web Push notifications (web/public/sw.js); with the manifest it makes the app installable
// on a phone's home screen. Not in development: Vite's dev server would serve a stale copy.
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // Without it the app works as before, only without push notifications.
    });
  });
}
