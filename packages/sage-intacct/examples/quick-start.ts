// biome-ignore-all lint/suspicious/noConsole: an example program, printing is its output
import { createSageIntacctClient, NotFoundError } from "@apiforge/sage-intacct";

// OAuth2 client credentials from SAGE_INTACCT_CLIENT_ID, SAGE_INTACCT_CLIENT_SECRET and SAGE_INTACCT_USERNAME
// (a Web Services user, user@companyId), or a ready SAGE_INTACCT_ACCESS_TOKEN; the base URL is
// https://api.intacct.com/ia/api/v1 unless SAGE_INTACCT_BASE_URL says otherwise (a sandbox, a mock)
const sage = createSageIntacctClient();

// one record, typed from Sage's spec
const { data, error } = await sage.GET("/objects/projects/project-resource/{key}", { params: { path: { key: "23" } } });
if (error) throw new Error(`could not read the project resource: ${JSON.stringify(error)}`);
const resource = data["ia::result"];
console.log(resource?.project?.id, resource?.employee?.id, resource?.pricing?.laborRate);

// every record a query selects: start/size are handled for you (up to 4 000 per request)
const resources = sage.query({
  object: "projects/project-resource",
  fields: ["key", "id", "project.id", "startDate"],
  filters: [{ $eq: { "project.id": "P-0045" } }],
  orderBy: [{ startDate: "desc" }],
});
for await (const record of resources) console.log(record.id, record["project.id"], record.startDate);

// errors are typed: status, Sage's code, errorId, details[] and supportId as requestId
try {
  await createSageIntacctClient({ throwOnError: true }).DELETE("/objects/projects/project-resource/{key}", { params: { path: { key: "23" } } });
} catch (err) {
  if (!(err instanceof NotFoundError)) throw err;
  console.log(`not found: ${err.code} (${err.errorId}); quote supportId ${err.requestId} to Sage support`);
}
