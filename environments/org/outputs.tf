# No outputs: nothing reads this root's outputs (departments read the org's objects by name). The ids are
# outputs of modules/org, should a root ever need them.
