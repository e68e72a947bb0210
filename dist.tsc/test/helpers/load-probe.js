import { writeFileSync } from "node:fs";
import { join } from "node:path";
const dir = process.env.MK6_LOAD_PROBE_DIR;
if (dir) {
  process.on("exit", () => {
    writeFileSync(join(dir, `${process.pid}.json`), JSON.stringify(process.moduleLoadList));
  });
}
