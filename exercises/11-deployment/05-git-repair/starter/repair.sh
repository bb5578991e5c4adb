#!/bin/bash
# Repairs the repository in the current folder: see README.md.
set -euo pipefail

# Your git commands here.
