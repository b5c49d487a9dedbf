# tflint for every module, example and environment root (tflint 0.64 with its bundled terraform ruleset only;
# never `tflint --init`: nothing is downloaded). Run: npx cxops lint <dir>, or
#   TFLINT_DISABLE_VERSION_CHECK=1 .toolchain/bin/tflint --chdir <dir> --config "$PWD/.tflint.hcl"
#
# Rules are listed one by one (no preset), so a new tflint release never changes what is enforced silently.

config {
  format = "compact"

  # Follow calls to local modules (../../modules/…) so their variables are checked against what roots pass.
  # Needs no `init` and no provider: tflint reads the module folders directly.
  call_module_type = "local"

  disabled_by_default = true
}

plugin "terraform" {
  enabled = true
}

# Documented and typed interfaces: department teams read the variable descriptions.
rule "terraform_documented_variables" {
  enabled = true
}

rule "terraform_documented_outputs" {
  enabled = true
}

rule "terraform_typed_variables" {
  enabled = true
}

# Names: snake_case for resources, data sources, variables, outputs, locals and module calls.
rule "terraform_naming_convention" {
  enabled = true
  format  = "snake_case"
}

# main.tf / variables.tf / outputs.tf in every unit, and blocks in their conventional file.
rule "terraform_standard_module_structure" {
  enabled = true
}

# Nothing declared and never used.
rule "terraform_unused_declarations" {
  enabled = true
}

rule "terraform_unused_required_providers" {
  enabled = true
}

# Versions stated: modules with minimums (>= 1.10, >= 1.82.0), roots pinned exactly.
rule "terraform_required_version" {
  enabled = true
}

rule "terraform_required_providers" {
  enabled = true
}

# Syntax hygiene.
rule "terraform_comment_syntax" {
  enabled = true
}

rule "terraform_deprecated_index" {
  enabled = true
}

rule "terraform_deprecated_interpolation" {
  enabled = true
}

rule "terraform_deprecated_lookup" {
  enabled = true
}

rule "terraform_empty_list_equality" {
  enabled = true
}

rule "terraform_map_duplicate_keys" {
  enabled = true
}

# Remote module sources must be pinned (local ../../modules sources are exempt).
rule "terraform_module_pinned_source" {
  enabled = true
}

rule "terraform_module_version" {
  enabled = true
}

rule "terraform_workspace_remote" {
  enabled = true
}
