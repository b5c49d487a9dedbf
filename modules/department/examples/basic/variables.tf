# This example takes no input: its data is written out in main.tf so it plans as it stands.
