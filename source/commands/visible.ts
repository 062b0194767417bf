// Shared with the export formatters, which may not import from the commands.
export { safeJson, visible } from '../text/visible.js';
