/**
 * Importing an entry point without its peers gives one error naming what to install. The built package
 * is copied into a temporary node_modules that holds only some of the peers (linked from this
 * repository), and each entry point is required there in a child process.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { MissingPeerDependencyError, missingPeers } from "../src/peers";

const root = path.resolve(__dirname, "..");
const built = fs.existsSync(path.join(root, "lib", "index.js"));

/** A project whose node_modules holds kserve-constructs (a copy of lib/), zod, and `peers`. */
function project(peers: readonly string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kc-peers-"));
  const pkg = path.join(dir, "node_modules", "kserve-constructs");
  fs.mkdirSync(pkg, { recursive: true });
  fs.cpSync(path.join(root, "lib"), path.join(pkg, "lib"), { recursive: true });
  fs.copyFileSync(path.join(root, "package.json"), path.join(pkg, "package.json"));
  for (const name of ["zod", "yaml", ...peers]) {
    const target = path.join(dir, "node_modules", ...name.split("/"));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.symlinkSync(path.join(root, "node_modules", ...name.split("/")), target, "dir");
  }
  return dir;
}

/** Requires `entry` in `dir`; returns "ok" or the error's name and message. */
function load(dir: string, entry: string): string {
  const script = `try { require(${JSON.stringify(entry)}); console.log("ok"); } catch (e) { console.log(e.name + ": " + e.message); }`;
  return execFileSync(process.execPath, ["--preserve-symlinks", "-e", script], { cwd: dir, encoding: "utf8", env: { ...process.env, NODE_PATH: "" } }).trim();
}

describe("missingPeers", () => {
  it("lists the packages that do not resolve and rethrows other failures", () => {
    const resolve = (name: string): string => {
      if (name === "broken") throw new Error("EACCES");
      if (name === "absent") throw Object.assign(new Error(`Cannot find module '${name}'`), { code: "MODULE_NOT_FOUND" });
      return `/x/${name}`;
    };
    expect(missingPeers(["cdk8s", "absent"], resolve)).toEqual(["absent"]);
    expect(() => missingPeers(["broken"], resolve)).toThrow("EACCES");
  });

  it("names every missing peer and the install command in one message", () => {
    const e = new MissingPeerDependencyError("kserve-constructs/pulumi", ["@pulumi/pulumi", "@pulumi/kubernetes"], ["@pulumi/pulumi", "@pulumi/kubernetes"]);
    expect(e.message).toBe(
      "kserve-constructs/pulumi needs the peer dependencies @pulumi/pulumi and @pulumi/kubernetes, which are not installed. Install them beside kserve-constructs: npm install @pulumi/pulumi @pulumi/kubernetes",
    );
    expect(e.missing).toEqual(["@pulumi/pulumi", "@pulumi/kubernetes"]);
  });
});

(built ? describe : describe.skip)("entry points without their peers (built package)", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  const make = (peers: readonly string[]): string => {
    const dir = project(peers);
    dirs.push(dir);
    return dir;
  };

  it("the core needs no peer", () => {
    expect(load(make([]), "kserve-constructs")).toBe("ok");
  });

  it("/cdk8s without cdk8s and constructs names both", () => {
    expect(load(make([]), "kserve-constructs/cdk8s")).toBe(
      "MissingPeerDependencyError: kserve-constructs/cdk8s needs the peer dependencies cdk8s and constructs, which are not installed. Install them beside kserve-constructs: npm install cdk8s constructs",
    );
  });

  it("/cdk8s with cdk8s but without constructs names constructs", () => {
    expect(load(make(["cdk8s"]), "kserve-constructs/cdk8s")).toBe(
      "MissingPeerDependencyError: kserve-constructs/cdk8s needs the peer dependency constructs, which is not installed. Install it beside kserve-constructs: npm install cdk8s constructs",
    );
  });

  it("/pulumi without the Pulumi packages names both; with them it loads", () => {
    const cdk8sOnly = make(["cdk8s", "constructs"]);
    expect(load(cdk8sOnly, "kserve-constructs/pulumi")).toBe(
      "MissingPeerDependencyError: kserve-constructs/pulumi needs the peer dependencies @pulumi/pulumi and @pulumi/kubernetes, which are not installed. Install them beside kserve-constructs: npm install @pulumi/pulumi @pulumi/kubernetes",
    );
    expect(load(cdk8sOnly, "kserve-constructs/cdk8s")).toBe("ok");
  });
});
