// The admin token's strength rule (worker/services/access.ts): a token a guesser could find opens
// nothing, whatever the operator put in .dev.vars or `wrangler secret`.
import { describe, expect, it } from "vitest";
import { adminTokenProblem } from "../../worker/services/access.ts";

describe("admin token strength", () => {
  it("accepts a random token such as npm start makes", () => {
    expect(adminTokenProblem("Qm7Zr2Xv9Lp4Wk8NbT5yHc3d")).toBeNull();
  });

  it("refuses a missing, short or repetitive token, saying why", () => {
    expect(adminTokenProblem(undefined)).toMatch(/not set/);
    expect(adminTokenProblem("")).toMatch(/not set/);
    expect(adminTokenProblem("Qm7Zr2Xv9Lp4Wk8NbT5yH")).toMatch(/shorter than 22/);
    expect(adminTokenProblem("abababababababababababab")).toMatch(/different characters/);
  });
});
