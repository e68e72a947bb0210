/**
 * Why an MK6's process is not serving, as the supervisor says it: in the inventory's `problem`
 * and an error's details (the request's language), on `npm start`'s console (the terminal's).
 */
import { textsOf } from './catalogue.js';
const fr = {
    portTaken: (port) => `port ${port} déjà pris sur cette machine`,
    addressTaken: (address) => `${address} déjà pris (ou adresse absente) sur cette machine`,
    fleetStopping: 'arrêt de la flotte',
    notAnswering: (url, hint) => `ne répond pas sur ${url} (${hint})`,
    seePm2Logs: (app) => `voir: npx pm2 logs ${app}`,
};
const en = {
    portTaken: (port) => `port ${port} already taken on this machine`,
    addressTaken: (address) => `${address} already taken (or no such address) on this machine`,
    fleetStopping: 'the fleet is stopping',
    notAnswering: (url, hint) => `not answering on ${url} (${hint})`,
    seePm2Logs: (app) => `see: npx pm2 logs ${app}`,
};
export const fleetMessages = { fr, en };
/** The text of one message with its parameters, in both languages. */
export const sayFleet = textsOf(fleetMessages);
