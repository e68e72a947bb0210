import { rawGet } from "../helpers/http.js";
export {
  rawGet
};
