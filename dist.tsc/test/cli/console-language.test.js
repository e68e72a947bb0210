import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { eventually, startFleet } from "../helpers/fleet.js";
import { foreignWords } from "./in-process.js";
const site = [{ sycode: "SYCA", name: "Site A", role: "thissite", pmax_kw: 1e4 }];
const NO_LANG = { MK6_LANG: "", LC_ALL: "", LC_MESSAGES: "", LANG: "" };
describe("npm start's console lines", () => {
  for (const [lang, env, args, says] of [
    ["fr", { ...NO_LANG, LANG: "fr_FR.UTF-8" }, [], [/^Flotte MK6 "console" \(.*\) prête en .+, mode mock, moteur pm2$/m, /^ {2}ROU1 +http:\/\/127\.0\.0\.1:\d+ +en marche {2}alias R1$/m, /^SIGTERM: arrêt de la flotte…$/m]],
    ["en", { ...NO_LANG, LANG: "fr_FR.UTF-8", MK6_LANG: "fr" }, ["--lang", "en"], [/^MK6 fleet "console" \(.*\) ready in .+, mode mock, engine pm2$/m, /^ {2}ROU1 +http:\/\/127\.0\.0\.1:\d+ +running {2}aliases R1$/m, /^SIGTERM: stopping the fleet…$/m]]
  ]) {
    it(`in ${lang === "fr" ? "French" : "English"} (${args.length ? args.join(" ") : `LANG=${env.LANG}`}), its JSON lines in English`, async () => {
      const fleet = await startFleet({ name: "console", mk6: [{ id: "ROU1", aliases: ["R1"], sites: site }] }, { env, args: [...args] });
      try {
        await eventually(async () => fleet.output().includes('"event":"ready"') ? true : void 0, 1e4, "the ready line");
        assert.equal(await fleet.terminate(), 0);
      } finally {
        await fleet.stop();
      }
      const lines = fleet.output().split("\n").filter(Boolean);
      const people = lines.filter((l) => !l.startsWith("{"));
      for (const l of lines.filter((l2) => l2.startsWith("{"))) JSON.parse(l);
      for (const re of says) assert.match(people.join("\n"), re);
      assert.deepEqual(foreignWords(lang, people.join("\n")), [], people.join("\n"));
    });
  }
});
