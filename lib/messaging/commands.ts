/** The commands API names (see wxt.config.ts). */
export const OPEN_PANEL_COMMAND = 'open-panel';
