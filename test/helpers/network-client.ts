/** A client that measures and reports socket errors as they are (ECONNRESET, ETIMEDOUT, ECONNREFUSED): the tests' one client's raw view. */
export { rawGet } from '../helpers/http.js';
