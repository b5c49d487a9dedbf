# No outputs: nothing reads a department root's outputs. The ids are outputs of modules/department, should a
# root ever need them.
