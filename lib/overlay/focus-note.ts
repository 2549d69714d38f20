/** The panel frame's URL fragment that asks it to focus the note box (the content script bumps the number). */
export const FOCUS_NOTE_FRAGMENT = 'focus-note-';
