import nodemailer from 'nodemailer';
import type { Channel, SendOutcome } from './channels.ts';
import { emailText } from './templates.ts';

export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user?: string;
  password?: string;
  /** The From address, e.g. "Trường Số <thongbao@truong.example.vn>". */
  from: string;
}

/** SMTP replies that mean the address will never take this message (5xx); 4xx and network errors are retried. */
const permanent = (code: number | undefined) => code !== undefined && code >= 500 && code < 600;

/** E-mail over SMTP (nodemailer); plain text, with the List-Unsubscribe header mail clients show as a button. */
export function emailChannel(settings: SmtpSettings): Channel {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: settings.user ? { user: settings.user, pass: settings.password ?? '' } : undefined,
    // A local test server or a school's relay may have a self-signed certificate: STARTTLS is tried, not required.
    tls: { rejectUnauthorized: false },
  });
  return {
    name: 'email',
    async send(m): Promise<SendOutcome> {
      try {
        const info = await transport.sendMail({
          from: settings.from,
          to: m.address,
          subject: m.title,
          text: emailText(m),
          headers: m.unsubscribeUrl ? { 'List-Unsubscribe': `<${m.unsubscribeUrl}>` } : undefined,
        });
        return { ok: true, providerRef: info.messageId };
      } catch (error) {
        const e = error as { responseCode?: number; message?: string };
        return {
          ok: false,
          retry: !permanent(e.responseCode),
          reason: `SMTP: ${e.message ?? String(error)}`,
        };
      }
    },
  };
}
