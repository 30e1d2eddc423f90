// What global-setup provides to every test of the project.
declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the project's Prism mock, e.g. `http://127.0.0.1:43125`. */
    prismUrl: string;
    /** The document that Prism mocks: the snapshot, or snapshot + overlays. */
    contractSpec: string;
  }
}

export {};
