export * from "./pagination/index.js";
export * from "./chunk.js";
