// Apart from smtp-login.ts so the CLI can open its early connection without loading nodemailer.
export type SmtpTimeouts = {
  /** TCP connect, DNS included. */
  connect: number;
  /** From connected to the server's 220 greeting (and each STARTTLS handshake). */
  greeting: number;
  /** Silence on an established connection. */
  socket: number;
};

export const defaultSmtpTimeouts: SmtpTimeouts = { connect: 15_000, greeting: 15_000, socket: 30_000 };
