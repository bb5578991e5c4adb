"""The sandbox's program. The harness proper is a module, so that Python
loads its bytecode, compiled when the image was built, instead of compiling
it on every check."""

import harness

harness.main()
