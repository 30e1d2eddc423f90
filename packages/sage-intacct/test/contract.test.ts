// Rendered by `pnpm api:add`: every operation of spec/sage-intacct/ against Prism (see @apiforge/testkit).
import { contractSuite } from "@apiforge/testkit";

contractSuite(import.meta.url);
