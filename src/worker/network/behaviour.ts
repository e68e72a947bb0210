/**
 * What a network behaviour ("toxic") is: its own fields, validated purely, and what it
 * does to one exchange. A behaviour acts in one phase of the exchange:
 *   delay    — before the MK6 answers (latency),
 *   answer   — instead of the MK6's answer (timeout, reset before, error),
 *   response — on the MK6's answer as it is written (slow, reset during).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Mk6Error } from '../../contract/errors.js';
import type { Body } from '../../contract/schema/validate.js';

export type Phase = 'delay' | 'answer' | 'response';
export type Params = Record<string, unknown>;
export type Random = () => number;

/** One exchange as the behaviours see it: the raw request and response, and what they may do with the socket. */
export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  /** Keeps the connection open without answering, until the worker stops. */
  hold(): void;
  /** Sends a TCP RST now: the client reads ECONNRESET. */
  reset(): void;
  /** Answers with the contract's error body. */
  fail(err: Mk6Error): void;
}

/** The MK6's answer, ready to write: a behaviour of the response phase writes it itself. */
export interface FinalAnswer {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: Buffer;
}

export interface Behaviour {
  type: string;
  /** The type's own fields, for validation messages and unknown-key checks. */
  fields: readonly string[];
  /** Validates the type's own fields (throws the contract's errors), returns them normalized. */
  parse(body: Body): Params;
  phase(params: Params): Phase;
  delayMs?(params: Params, random: Random): number;
  answer?(params: Params, ex: Exchange): void;
  respond?(params: Params, ex: Exchange, out: FinalAnswer): void;
}
