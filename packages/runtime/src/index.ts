export * from "./pagination/index.js";
