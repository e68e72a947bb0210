// What the page's dialogs share: open a <dialog> modally and give focus back to what opened
// it on close, and show a refused call as the contract's error (message and details).

import { t } from './i18n.js';
import { h, setText } from './util.js';

/** Opens `dialog` modally; on close, focus returns to the element that had it. */
export function openDialog(dialog, focus) {
  const opener = document.activeElement;
  dialog.addEventListener('close', () => {
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
  }, { once: true });
  dialog.showModal();
  (focus ?? dialog.querySelector('input, select, textarea, button'))?.focus();
}

/** Shows an API refusal in `box`: "400 BAD_REQUEST — message" and the details, or hides it. */
export function showError(box, res) {
  if (!res || res.ok) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  const b = res.body;
  const head = b && typeof b === 'object' && b.error ? `${res.status} ${b.error} — ${b.message ?? ''}` : `${res.status || t('api.noResponse')} ${typeof b === 'string' ? b.slice(0, 200) : ''}`;
  box.replaceChildren(h('strong', { text: head }));
  const details = b?.details;
  if (details && typeof details === 'object' && Object.keys(details).length) {
    box.append(h('pre', { 'data-testid': 'error-details', text: JSON.stringify(details, null, 2) }));
  }
  // The fleet's message is in the language it answered in (Content-Language).
  if (res.lang) box.lang = res.lang;
  else box.removeAttribute('lang');
  box.hidden = false;
  setText(box.firstElementChild, head);
}
