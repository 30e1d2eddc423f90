// biome-ignore-all lint/suspicious/noConsole: an example program, printing is its output
import { createParallaxClient } from "@apiforge/parallax";

// apiKey defaults to process.env.PARALLAX_API_KEY; baseUrl to https://api.getparallax.com
const parallax = createParallaxClient();

const { data: role, error } = await parallax.GET("/v1/roles/{id}", {
  params: { path: { id: "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a" } },
});
if (error) throw new Error(`could not read the role: ${JSON.stringify(error)}`);
console.log(role.name, role.capacity);

await parallax.POST("/v1/departments", { body: { name: "Engineering" } });
