// Names of the compiled content files, shared by the writer (build time) and the reader (the app).
export const PUBLIC_FILE = "content.json";
export const ANSWERS_FILE = "answers.json";
