#!/bin/bash
# Repairs the repository in the current folder: see README.md.
set -euo pipefail

# The hashes, as git log shows them in the practice repository.
git switch --quiet main
git revert --no-edit 8f005d6
git cherry-pick 9465c19
