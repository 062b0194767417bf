/**
 * The project file's name, in a module of its own: finding the file must not load the schema
 * (zod is most of a command's start-up), which only a project that exists needs.
 */
export const PROJECT_FILE = 'margin.json';
