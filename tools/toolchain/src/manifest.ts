// The pinned tools. Versions live here and nowhere else; the README and tests read them from this file.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const goModule = (name: string) => path.resolve(here, '../go', name);

export type ToolName = 'tofu' | 'versitygw' | 'tflint' | 'terraform-docs' | 'actionlint' | 'gitleaks';

export interface GoTool {
  name: ToolName;
  /** Version without the leading "v". */
  version: string;
  /** Main package built into the binary. */
  mainPackage: string;
  /**
   * The committed Go tools module (go.mod + go.sum) that pins the tool and all its dependencies. A module per
   * tool: OpenTofu needs a replace directive that tflint/terraform-docs' newer hcl would break, and
   * `go install …@version` both refuses replaces and asks the proxy for version lists it may not serve.
   */
  moduleDir: string;
  ldflags: string;
  /** Arguments that make the binary print its version, and what that output must contain. */
  versionArgs: string[];
  expectVersion: (output: string) => boolean;
  why: string;
}

const plainVersion = (version: string) => (out: string) =>
  out.includes(version) && !new RegExp(`${version.replaceAll('.', '\\.')}-dev`).test(out);

export const TOOLS: readonly GoTool[] = [
  {
    name: 'tofu',
    version: '1.12.6',
    mainPackage: 'github.com/opentofu/opentofu/cmd/tofu',
    moduleDir: goModule('tofu'),
    // version.dev=no drops the "-dev" suffix a plain source build reports.
    ldflags: '-s -w -X github.com/opentofu/opentofu/version.dev=no',
    versionArgs: ['version'],
    expectVersion: (out) => /^OpenTofu v1\.12\.6$/m.test(out),
    why: 'the Terraform engine that plans and applies every environment',
  },
  {
    name: 'versitygw',
    version: '1.7.0',
    mainPackage: 'github.com/versity/versitygw/cmd/versitygw',
    moduleDir: goModule('versitygw'),
    ldflags: '-s -w -X main.Version=v1.7.0',
    versionArgs: ['--version'],
    expectVersion: plainVersion('1.7.0'),
    why: 'the local S3-compatible server holding state (versioned bucket, native locking)',
  },
  {
    name: 'tflint',
    version: '0.64.0',
    mainPackage: 'github.com/terraform-linters/tflint',
    moduleDir: goModule('tflint'),
    ldflags: '-s -w',
    versionArgs: ['--version'],
    expectVersion: plainVersion('0.64.0'),
    why: 'lints modules and environments (bundled terraform ruleset)',
  },
  {
    name: 'terraform-docs',
    version: '0.24.0',
    mainPackage: 'github.com/terraform-docs/terraform-docs',
    moduleDir: goModule('terraform-docs'),
    ldflags: '-s -w',
    versionArgs: ['--version'],
    expectVersion: plainVersion('0.24.0'),
    why: 'generates and checks module READMEs',
  },
  {
    name: 'actionlint',
    version: '1.7.12',
    mainPackage: 'github.com/rhysd/actionlint/cmd/actionlint',
    moduleDir: goModule('actionlint'),
    ldflags: '-s -w -X github.com/rhysd/actionlint.version=v1.7.12',
    versionArgs: ['-version'],
    expectVersion: plainVersion('1.7.12'),
    why: 'checks the GitHub Actions workflows offline',
  },
  {
    name: 'gitleaks',
    version: '8.30.1',
    mainPackage: 'github.com/zricethezav/gitleaks/v8',
    moduleDir: goModule('gitleaks'),
    // Without this the binary reports "version is set by build process" (its Makefile sets it from git tags).
    ldflags: '-s -w -X github.com/zricethezav/gitleaks/v8/version.Version=v8.30.1',
    versionArgs: ['version'],
    expectVersion: (out) => /^v8\.30\.1$/m.test(out.trim()),
    why: 'scans staged changes for secrets at commit (Genesys OAuth client secrets, AWS keys)',
  },
];

export const PROVIDER = {
  namespace: 'mypurecloud',
  type: 'genesyscloud',
  // The newest release whose Go SDK (v188) is available as source where the registry and the module proxy
  // refuse both (see PROVIDER_SOURCE); v1.83+ need SDK v191/v192.
  version: '1.82.0',
  module: 'github.com/mypurecloud/terraform-provider-genesyscloud',
  // Without this the provider reports itself as 0.1.0 (its goreleaser sets it upstream).
  ldflags: '-s -w -X main.version=1.82.0',
  /** OpenTofu and Terraform resolve `mypurecloud/genesyscloud` to different registry hosts. */
  hosts: ['registry.opentofu.org', 'registry.terraform.io'],
} as const;

export interface SourceArchive {
  file: string;
  sha256: string;
  /** The one folder the archive unpacks to. */
  topDir: string;
  /** Go module path (the SDK is wired in with a `replace` to its extracted folder). */
  module: string;
}

/**
 * The provider's unmodified upstream source, as archives (provider tag v1.82.0, commit c3a5ecf8; SDK
 * platform-client-sdk-go tag v188.0.0, commit 62dc270e). Checksums pinned here: an archive that differs is
 * refused before anything is extracted.
 */
export const PROVIDER_SOURCE: { folder: string; archives: readonly [SourceArchive, SourceArchive] } = {
  /** Looked up beside the workspace and its parents when no folder is named. */
  folder: path.join('shared', 'vendor', 'genesyscloud-provider'),
  archives: [
    {
      file: 'terraform-provider-genesyscloud-1.82.0.tar.gz',
      sha256: '8eca34b1a1b9712419ffb0cb111886463ad6c58bfa4dc1c0206d97d4a3d08abb',
      topDir: 'terraform-provider-genesyscloud-1.82.0',
      module: 'github.com/mypurecloud/terraform-provider-genesyscloud',
    },
    {
      file: 'platform-client-sdk-go-188.0.0.tar.gz',
      sha256: 'abe8f7eb770b52caa5c5b71f0d34a65947120b52fa10baac6e00e90284f1cdb0',
      topDir: 'platform-client-sdk-go-188.0.0',
      module: 'github.com/mypurecloud/platform-client-sdk-go/v188',
    },
  ],
};

export const MIN_ENGINE_VERSION = '1.10.0';
