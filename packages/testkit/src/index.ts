// Exports only (context.ts types `inject("prismUrl")`).
import "./context.js";

export { METHODS, type Method, type OperationCase, operationCases, withoutRequiredField } from "./cases.js";
export { type SendOptions, send } from "./request.js";
export { deref, exampleOf, requiredProps, type SampleMode, sample } from "./samples.js";
export { type Credentials, type SecurityPlan, securityPlan } from "./security.js";
export { type ContractApi, contractApiFor, loadSpec, type Obj } from "./spec.js";
export { type ContractSuiteOptions, contractSuite } from "./suite.js";
export { type ExampleMutation, type ExamplesSuiteOptions, exampleDiagnostics, examplesSuite, runExample } from "./examples.js";
export { type JsonReply, type JsonServer, makeItems, type RecordedRequest, startJsonServer } from "./json-server.js";
