// Rendered by `pnpm api:add`: every operation of spec/strawblond/ against Prism (see @apiforge/testkit).
import { contractSuite } from "@apiforge/testkit";

contractSuite(import.meta.url);
